import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './test/fixtures/chromium';

// End-to-end tests drive the real UI in `serve` mode with Debian's Chromium; Playwright never
// downloads a browser of its own here.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  workers: 1,
  retries: 0,
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS.filter((flag) => flag !== '--headless'),
    },
    viewport: { width: 1440, height: 900 },
  },
});
