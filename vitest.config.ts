import { defineConfig } from 'vitest/config';
import { wasmText } from './scripts/wasmTextPlugin.mjs';

export default defineConfig({
  plugins: [wasmText()],
  test: {
    // Playwright specs live in test/e2e and run under Playwright, not here.
    include: ['test/unit/**/*.test.ts', 'test/components/**/*.test.tsx', 'test/integration/**/*.test.ts', 'test/contract/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real Node and Chromium processes; two cores, so keep it calm.
    maxWorkers: 2,
  },
});
