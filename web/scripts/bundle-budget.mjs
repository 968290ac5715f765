// Fails when the JavaScript a first visit loads (the entry script and the chunks it preloads)
// exceeds the budget gzipped. Reads the built client from $ATRIUM_WEB_OUT or dist/.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const out = process.env.ATRIUM_WEB_OUT ?? 'dist';
const index = join(out, 'index.html');
if (!existsSync(index)) {
  console.error(`bundle budget: ${index} is missing; build the client first (npm run build)`);
  process.exit(1);
}
const html = readFileSync(index, 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const script of new Set(scripts)) {
  const size = gzipSync(readFileSync(join(out, script))).length;
  total += size;
  console.log(`bundle budget: ${script} ${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`bundle budget: initial JavaScript ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (scripts.length === 0 || total > BUDGET_KB * 1024) process.exit(1);
