import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createApiClient } from '../../src/shared/contract/client';
import { createServices } from '../../src/main/services';
import { SNAPSHOT_WORKER_PATH } from '../fixtures/builtWorker';
import { HOSTILE_APP } from '../fixtures/hostileStrings';
import { recordLeakySession } from '../fixtures/leakySession';
import { writeSnapshotSeries } from '../fixtures/snapshotSeries';

const run = promisify(execFile);
const HEAPDECK = resolve(__dirname, '../../bin/heapdeck.js');

let dir: string;

async function writeReport(inputs: string[], output: string, home: string): Promise<string> {
  await run(process.execPath, [HEAPDECK, 'report', ...inputs, '--format', 'html', '-o', output], { env: { ...process.env, HEAPDECK_HOME: home } });
  return pathToFileURL(output).href;
}

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'heapdeck-report-'));
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('an HTML report of hostile heap strings runs no script and shows the text literally', async ({ page }) => {
  const paths = await writeSnapshotSeries(dir, HOSTILE_APP);
  const url = await writeReport(paths, join(dir, 'report.html'), join(dir, 'home'));

  const dialogs: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));

  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Heapdeck trend report' })).toBeVisible();

  // The hostile text is on the page as text: in the finding's title, its retaining path and the trend's class column.
  const literal = 'Evil<script>alert(1)</script><img src=x onerror=alert(1)>| broken | table |`tick`';
  await expect(page.locator('.finding h3').filter({ hasText: literal })).toHaveCount(1);
  await expect(page.locator('.finding .path').filter({ hasText: literal })).toHaveCount(1);
  await expect(page.locator('td .name').filter({ hasText: literal }).first()).toBeVisible();
  expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);
  await expect(page.locator('svg.sparkline').first()).toBeVisible();

  await page.screenshot({ path: 'test-results/e2e/report.png', fullPage: true });
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  expect(requests).toEqual([url]);
});

test('a report of a recorded session shows its timeline, the tables and the leak with its path', async ({ page }) => {
  const home = join(dir, 'session-home');
  const services = await createServices(home, { snapshotWorkerPath: SNAPSHOT_WORKER_PATH });
  let sessionId: string;
  try {
    ({ sessionId } = await recordLeakySession(createApiClient(services.door)));
  } finally {
    await services.shutdown();
  }
  await page.goto(await writeReport([join(home, 'sessions', sessionId)], join(dir, 'session-report.html'), home));

  await expect(page.getByRole('heading', { name: 'Heapdeck trend report' })).toBeVisible();
  await expect(page.locator('svg.timeline polyline.heap-used')).toBeVisible();
  await expect(page.locator('svg.timeline .marker-snapshot')).toHaveCount(3);
  const finding = page.locator('.finding').filter({ hasText: 'grew in every snapshot' });
  await expect(finding).toHaveCount(1);
  await expect(finding.locator('.path')).toContainText('SessionCache.sessions');
  await expect(page.locator('td .name').filter({ hasText: 'SessionCache' }).first()).toBeVisible();
  await expect(page.locator('svg.statistics').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/report-session.png', fullPage: true });
  await page.locator('svg.timeline').screenshot({ path: 'test-results/e2e/report-timeline.png' });
});
