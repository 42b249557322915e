import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSnapshotSeries } from '../fixtures/snapshotSeries';
import { startServedApp, type ServedApp } from './serveApp';

let app: ServedApp;
let dir: string;
let paths: string[];

// A cache that gains 1000 entries between snapshots and never lets go: the leak to find.
const GROWING_CACHE = {
  name: 'cache',
  setup: `
    class Entry { constructor(i) { this.key = 'entry-' + i; this.payload = new Array(32).fill(i); } }
    class LeakyCache { constructor() { this.entries = new Map(); } }
    globalThis.leakyCache = new LeakyCache();
    let next = 0;
  `,
  step: `for (let i = 0; i < 1000; i++, next++) globalThis.leakyCache.entries.set(next, new Entry(next));`,
};

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'heapdeck-series-'));
  [app, paths] = await Promise.all([startServedApp(), writeSnapshotSeries(dir, GROWING_CACHE)]);
});

test.afterAll(async () => {
  await app?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('compare two snapshots, then find the growing cache across three', async ({ page }) => {
  await page.goto(app.url);
  await page.getByTestId('nav-snapshots').click();
  for (const path of paths) {
    await page.getByTestId('open-file-path').fill(path);
    await page.getByTestId('import-file-submit').click();
  }
  const library = page.getByTestId('snapshot-library');
  for (const k of [0, 1, 2]) await expect(library.getByTestId(`snapshot-row-cache-${k}`)).toBeVisible();

  // Open the first and the last; the last's Comparison tab compares it with the first.
  await library.getByTestId('snapshot-open-cache-0').click();
  await expect(page.getByTestId('snapshot-explorer')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('snapshot-tab-library').click();
  await library.getByTestId('snapshot-open-cache-2').click();
  await expect(page.getByTestId('snapshot-explorer')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('tab-comparison').click();
  const entry = page.getByTestId('comparison-tree').getByTestId('class-Entry');
  await expect(entry.getByRole('gridcell').first()).toContainText('Entry');
  await expect(entry.getByRole('gridcell').nth(1)).toHaveText('2,000');
  await expect(entry.getByRole('gridcell').nth(3)).toHaveText('+2,000');
  // Its new objects, and the retainers of one of them, reach the cache.
  await entry.click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('comparison-tree').getByTestId('change-new-Entry')).toContainText('New objects (2,000)');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('comparison-tree').getByText('Loading…')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('inspector-class')).toHaveText('Entry');
  await page.screenshot({ path: 'test-results/e2e/comparison.png' });
  // The same new objects grouped by how they are held: one group of 2000 through the cache.
  await page.getByTestId('comparison-by-path').click();
  const cluster = page.getByTestId('allocated-clusters').getByTestId('leak-cluster').first();
  await expect(cluster).toContainText('2,000 × Entry');
  await expect(cluster.getByTestId('retaining-path')).toContainText('LeakyCache');
  // The comparison as a report of its own (the explorer's header exports the snapshot alone).
  const comparisonTab = page.getByTestId('comparison-tab');
  await comparisonTab.getByTestId('export-report').click();
  await expect(comparisonTab.getByTestId('report-destination')).toHaveValue(join(dir, 'cache-2-comparison-report.html'));
  await comparisonTab.getByTestId('report-save').click();
  await expect(comparisonTab.getByTestId('report-saved')).toContainText('cache-2-comparison-report.html', { timeout: 60_000 });

  // All three as a series: the growing Map is a finding with a path through LeakyCache.
  await page.getByTestId('snapshot-tab-library').click();
  for (const k of [0, 1, 2]) await library.getByTestId(`snapshot-pick-cache-${k}`).check();
  await page.getByTestId('analyse-series').click();
  const findings = page.getByTestId('findings');
  await expect(findings.getByTestId('finding-growing-collection').first()).toBeVisible({ timeout: 60_000 });
  await expect(findings.getByTestId('finding-growing-collection').first().getByTestId('retaining-path')).toContainText('LeakyCache');
  await expect(page.getByTestId('trend').getByTestId('trend-class-Entry')).toContainText('grew every time');
  await expect(page.getByTestId('leaks').getByTestId('leak-cluster').first()).toContainText('Entry');
  await page.screenshot({ path: 'test-results/e2e/series.png', fullPage: true });

  // Export the series as one HTML file, and open it as a teammate would.
  await page.getByTestId('export-report').click();
  await expect(page.getByTestId('report-destination')).toHaveValue(join(dir, 'cache-2-report.html'));
  await page.getByTestId('report-save').click();
  await expect(page.getByTestId('report-saved')).toContainText('cache-2-report.html', { timeout: 60_000 });
  await page.goto(`file://${join(dir, 'cache-2-report.html')}`);
  await expect(page.locator('body')).toContainText('LeakyCache');
  await expect(page.locator('script')).toHaveCount(0);
  await page.goto(`file://${join(dir, 'cache-2-comparison-report.html')}`);
  await expect(page.getByRole('heading', { name: 'Heapdeck comparison report' })).toBeVisible();
  await expect(page.locator('td .name').filter({ hasText: 'Entry' }).first()).toBeVisible();
});
