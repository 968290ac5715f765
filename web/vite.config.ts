import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the client on :5173 and forwards API calls to a running Atrium on :8080.
// The Maven build writes the production bundle into the jar (target/classes/static).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.ATRIUM_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // the budget that matters is gzipped initial JavaScript, checked by scripts/bundle-budget.mjs
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/.well-known': 'http://localhost:8080',
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/server.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
