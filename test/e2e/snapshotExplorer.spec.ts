import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassRow } from '../../src/shared/model/heapSnapshots';
import { inMemoryDoor, type DoorUnderTest } from '../fixtures/doors';
import { PLANTED_ENTRY_COUNT, writePlantedSnapshot } from '../fixtures/plantedSnapshot';
import { startServedApp, type ServedApp } from './serveApp';

let app: ServedApp;
let engine: DoorUnderTest;
let dir: string;
let snapshotPath: string;
/** The engine's own numbers for the planted classes, to check the UI against. */
const expected: Record<'LeakyCache' | 'Entry', ClassRow> = {} as never;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'heapdeck-explorer-'));
  [app, engine, snapshotPath] = await Promise.all([startServedApp(), inMemoryDoor(), writePlantedSnapshot(dir)]);
  const { snapshotId } = await engine.api.call('openSnapshot', { path: snapshotPath });
  for (const name of ['LeakyCache', 'Entry'] as const) {
    const page = await engine.api.call('getSnapshotClasses', { snapshotId, filter: `^${name}$`, regex: true });
    expected[name] = page.items[0]!;
  }
});

test.afterAll(async () => {
  await engine?.close();
  await app?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function bytesOf(row: Locator, column: number): Promise<number> {
  return Number(await row.getByRole('gridcell').nth(column).locator('[data-bytes]').getAttribute('data-bytes'));
}

/** Pages arrive asynchronously: wait until no row of the tree is still loading. */
async function loaded(tree: Locator): Promise<void> {
  await expect(tree.getByText('Loading…')).toHaveCount(0);
}

async function openPlanted(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByTestId('nav-snapshots').click();
  await page.getByTestId('open-file-path').fill(snapshotPath);
  await page.getByTestId('open-file-path').press('Enter');
  await expect(page.getByTestId('snapshot-explorer')).toBeVisible({ timeout: 30_000 });
}

test('find the planted LeakyCache, its 10 000 entries, their retainers and dominators', async ({ page }) => {
  expect(expected.Entry.count).toBe(PLANTED_ENTRY_COUNT);
  await openPlanted(page);

  // Summary: the class row shows the engine's count and retained size.
  await page.getByTestId('summary-filter').fill('LeakyCache');
  const cacheRow = page.getByTestId('summary-tree').getByTestId('class-LeakyCache');
  await expect(cacheRow).toBeVisible();
  await expect(cacheRow.getByRole('gridcell').nth(1)).toHaveText('1');
  expect(await bytesOf(cacheRow, 4)).toBe(expected.LeakyCache.retainedSizeBytes);

  await page.getByTestId('summary-regex').check();
  await page.getByTestId('summary-filter').fill('^Entry$');
  // The filter applies after a short pause in typing; wait until only Entry is listed.
  await expect(page.getByTestId('summary-tree').getByRole('row')).toHaveCount(2);
  const entryRow = page.getByTestId('summary-tree').getByTestId('class-Entry');
  await expect(entryRow.getByRole('gridcell').nth(1)).toHaveText(PLANTED_ENTRY_COUNT.toLocaleString('en-US'));
  expect(await bytesOf(entryRow, 4)).toBe(expected.Entry.retainedSizeBytes);

  // Open the class and select its biggest instance: the retainers panel and inspector follow.
  await entryRow.click();
  await page.keyboard.press('ArrowRight');
  await loaded(page.getByTestId('summary-tree'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('inspector-class')).toHaveText('Entry');
  await page.screenshot({ path: 'test-results/e2e/explorer-summary.png' });

  // Walk the retainers toward the roots, by keyboard, until LeakyCache shows on the path.
  const retainers = page.getByTestId('retainers-tree');
  await retainers.focus();
  await page.keyboard.press('Home');
  for (let level = 0; level < 4; level++) {
    await loaded(retainers);
    if ((await retainers.getByText('LeakyCache').count()) > 0) break;
    await page.keyboard.press('ArrowRight');
    await loaded(retainers);
    await page.keyboard.press('ArrowDown');
  }
  await expect(retainers.getByText('LeakyCache').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/explorer-retainers.png' });

  // Dominators: the path from the root to the entry passes through LeakyCache.
  await page.getByTestId('summary-tree').focus();
  await page.getByTestId('reveal-in-dominators').click();
  const path = page.getByTestId('dominator-path');
  await expect(path.getByRole('button', { name: 'LeakyCache' })).toBeVisible();
  await path.getByRole('button', { name: 'LeakyCache' }).click();
  const dominators = page.getByTestId('dominators-tree');
  await expect(dominators.getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/explorer-dominators.png' });
});

test('keyboard only: / filters, arrows expand and page through a class of 10 000 instances', async ({ page }) => {
  await openPlanted(page);
  await page.keyboard.press('/');
  await expect(page.getByTestId('summary-filter')).toBeFocused();
  // Regex on first (Tab, Space), back to the filter (Shift+Tab), then the pattern.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('summary-regex')).toBeChecked();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('^Entry$');
  const tree = page.getByTestId('summary-tree');
  await expect(tree.locator('[data-testid^="class-"]')).toHaveCount(1);
  await loaded(tree);
  await page.keyboard.press('Tab');
  // Regex → objects → instance order → @id → the tree (the baseline list is disabled).
  for (let step = 0; step < 4; step++) await page.keyboard.press('Tab');
  await expect(tree).toBeFocused();
  const selected = tree.locator('[aria-selected="true"]');
  await expect(selected).toHaveAttribute('data-testid', 'class-Entry');
  await page.keyboard.press('Enter');
  await expect(tree.getByTestId('class-Entry')).toHaveAttribute('aria-expanded', 'true');
  await loaded(tree);
  await page.keyboard.press('ArrowDown');
  await expect(selected).toHaveAttribute('data-testid', /^object-\d+$/);
  // End jumps past 10 000 rows: the last page loads on demand and shows a real Entry.
  await page.keyboard.press('End');
  await expect(selected).toHaveAttribute('data-testid', /^object-\d+$/);
  await expect(page.getByTestId('inspector-class')).toHaveText('Entry');
  await page.keyboard.press('PageUp');
  await expect(selected).toHaveAttribute('data-testid', /^object-\d+$/);
  await page.screenshot({ path: 'test-results/e2e/explorer-keyboard.png' });
  // Left goes back to the class, Left again closes it.
  await page.keyboard.press('ArrowLeft');
  await expect(selected).toHaveAttribute('data-testid', 'class-Entry');
  await page.keyboard.press('ArrowLeft');
  await expect(tree.getByTestId('class-Entry')).toHaveAttribute('aria-expanded', 'false');
});

test('a file that is not a snapshot shows the engine error in place, and the app keeps working', async ({ page }) => {
  await page.goto(app.url);
  await page.getByTestId('nav-snapshots').click();
  await page.getByTestId('open-file-path').fill(join(dir, 'missing.heapsnapshot'));
  await page.getByTestId('open-file-submit').click();
  await expect(page.getByTestId('snapshot-open-error')).toContainText('missing.heapsnapshot');
  await expect(page.getByTestId('snapshot-open-error').locator('[data-error-code]')).toHaveAttribute('data-error-code', 'NOT_FOUND');
  await page.getByTestId('snapshot-tab-library').click();
  await expect(page.getByTestId('open-file')).toBeVisible();
});
