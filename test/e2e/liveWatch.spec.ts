import { expect, test } from '@playwright/test';
import { startNodeTarget, type NodeTarget } from '../fixtures/nodeTarget';
import { startServedApp, type ServedApp } from './serveApp';

// A target that, once its inspector is open (Heapdeck attached by SIGUSR1), grows by about
// 1 MB every 100 ms to ~100 MB, then holds it: the growth happens while the UI watches.
const GROWING_TARGET = `
  const inspector = require('node:inspector');
  const kept = [];
  console.log('ready');
  const grow = setInterval(() => {
    if (!inspector.url()) return;
    kept.push(new Array(128 * 1024).fill(kept.length));
    if (kept.length >= 100) clearInterval(grow);
  }, 100);
  setInterval(() => {}, 1000);
`;

let app: ServedApp;
let target: NodeTarget;

test.beforeAll(async () => {
  [app, target] = await Promise.all([startServedApp(), startNodeTarget(GROWING_TARGET)]);
  await target.waitForOutput(/ready/);
});

test.afterAll(async () => {
  await target?.kill();
  await app?.stop();
});

async function latestHeapUsed(page: import('@playwright/test').Page, watchPanel: string): Promise<number> {
  return Number(await page.getByTestId(watchPanel).getByTestId('latest-heap-used').getAttribute('data-bytes'));
}

test('attach to a running Node process by PID, watch it grow, force a GC, get an alert', async ({ page }) => {
  await page.goto(app.url);

  // A low warning level, so the target's growth crosses it within seconds.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('setting-warning-share').fill('1');
  await page.getByTestId('setting-critical-share').fill('90');
  await page.getByTestId('settings-save').click();

  await page.getByTestId('nav-targets').click();
  const row = page.getByTestId(`process-row-${target.pid}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('closed');
  await page.getByTestId(`attach-pid-${target.pid}`).click();

  const panel = page.locator('[data-testid^="watch-w-"]').first();
  await expect(panel).toBeVisible({ timeout: 15_000 });
  const panelId = (await panel.getAttribute('data-testid'))!;
  await expect(panel).toContainText(/SIGUSR1/);
  await expect(panel.getByTestId('heap-chart').locator('svg').first()).toBeVisible();

  // The chart moves: heap used rises as the target allocates.
  await expect(panel.getByTestId('latest-heap-used')).toHaveAttribute('data-bytes', /\d+/, { timeout: 10_000 });
  const first = await latestHeapUsed(page, panelId);
  await expect.poll(() => latestHeapUsed(page, panelId), { timeout: 20_000 }).toBeGreaterThan(first + 20 * 1024 * 1024);

  // The warning alert fires at the low threshold.
  await expect(page.getByTestId('toast').first()).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByTestId('alert-item').first()).toContainText(/heap/i);

  // Force GC adds a GC marker.
  const gcCountBefore = Number((await panel.getByTestId('gc-count').textContent())?.match(/\d+/)?.[0] ?? 0);
  await panel.getByTestId('force-gc').click();
  await expect
    .poll(async () => Number((await panel.getByTestId('gc-count').textContent())?.match(/\d+/)?.[0] ?? 0), { timeout: 10_000 })
    .toBeGreaterThan(gcCountBefore);

  // A heap snapshot streams into the session folder, analysed as it arrives; it is marked
  // on the timeline and listed under it.
  await panel.getByTestId('take-snapshot').click();
  await expect(panel.getByTestId('snapshot-saved')).toContainText(/Snapshot saved: .*B in/, { timeout: 30_000 });
  await expect(panel.getByTestId('session-snapshot')).toHaveCount(1);
  await expect(panel.getByTestId('heap-chart')).toContainText('snapshot');

  await page.screenshot({ path: 'test-results/e2e/live-watch.png', fullPage: true });

  // Open goes straight to the explorer: the capture was analysed while it streamed.
  await panel.getByTestId('snapshot-open-saved').click();
  await expect(page.getByTestId('snapshot-explorer')).toBeVisible();
  await expect(page.getByTestId('summary-tree').getByRole('row').nth(2)).toBeVisible();
  await page.getByTestId('snapshot-tab-library').click();
  await expect(page.getByTestId('snapshot-library')).toContainText(`pid ${target.pid}`);
  await page.getByTestId('nav-watches').click();

  // The target exits: the watch ends as "target exited" and the session is kept.
  await target.kill();
  await expect(panel).toContainText(/exited/i, { timeout: 15_000 });
  await page.getByTestId('nav-sessions').click();
  await expect(page.locator('[data-testid^="session-row-"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/sessions.png', fullPage: true });
});
