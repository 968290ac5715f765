import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Starts the packaged Atrium (target/atrium.jar) with its embedded PostgreSQL in a fresh data
 * directory and the demo organisation, once for all browser tests. Set ATRIUM_E2E_URL to test an
 * already running server instead.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(url: string, atrium: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (atrium.exitCode !== null) throw new Error(`Atrium exited with ${atrium.exitCode}; see ${log}`);
    try {
      const response = await fetch(`${url}/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Atrium did not become ready within 3 minutes; see ${log}`);
}

export default async function setup(project: TestProject) {
  const external = process.env.ATRIUM_E2E_URL;
  if (external) {
    project.provide('baseUrl', external);
    project.provide('dataDir', process.env.ATRIUM_E2E_DATA_DIR ?? '');
    return;
  }
  const jar = resolve(process.env.ATRIUM_JAR ?? '../target/atrium.jar');
  if (!existsSync(jar)) throw new Error(`${jar} is missing: build it with ./mvnw -DskipTests package`);
  const java = process.env.ATRIUM_JAVA ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-e2e-'));
  const [port, managementPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const log = join(dataDir, 'server.log');
  const out = createWriteStream(log);
  const atrium = spawn(java, ['-Xmx768m', '-jar', jar, '--demo'], {
    env: {
      ...process.env,
      ATRIUM_PORT: String(port),
      ATRIUM_MANAGEMENT_PORT: String(managementPort),
      ATRIUM_DATA_DIR: dataDir,
      ATRIUM_PUBLIC_URL: url,
      ATRIUM_ADMIN_EMAIL: 'admin@e2e.atrium.local',
      ATRIUM_ADMIN_PASSWORD: 'browser tests super admin',
      // the tests sign in dozens of times from one address
      ATRIUM_RATE_LIMITS_ENABLED: 'false',
      ATRIUM_ADDRESS_FAILURE_LIMIT: '1000',
      ATRIUM_LOG_FORMAT: '',
      SERVER_ADDRESS: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  atrium.stdout?.pipe(out);
  atrium.stderr?.pipe(out);
  await waitUntilReady(url, atrium, log);
  project.provide('baseUrl', url);
  project.provide('dataDir', dataDir);

  return async () => {
    atrium.kill('SIGTERM');
    await new Promise((r) => {
      const timer = setTimeout(() => {
        atrium.kill('SIGKILL');
        r(undefined);
      }, 20_000);
      atrium.once('exit', () => {
        clearTimeout(timer);
        r(undefined);
      });
    });
    if (!process.env.ATRIUM_E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
  };
}
