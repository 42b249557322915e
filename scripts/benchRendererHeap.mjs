// npm run bench:renderer [-- --megabytes 1000]
// Opens the benchmark snapshot in the real UI (`heapdeck serve`, Debian Chromium driven by
// playwright-core), walks the explorer as a person would, and prints each step's time and the
// page's JS heap after a GC: the renderer holds only the rows in view, whatever the heap's size.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { repoRoot, snapshotOfSize } from './benchSnapshotFiles.mjs';

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '1000' } } });
const { path, bytes } = await snapshotOfSize(Number(values.megabytes));

const home = await mkdtemp(join(tmpdir(), 'heapdeck-renderer-bench-'));
const serve = spawn(process.execPath, ['bin/heapdeck.js', 'serve', '--port', '0'], { cwd: repoRoot, env: { ...process.env, HEAPDECK_HOME: home } });
let printed = '';
const url = await new Promise((resolve, reject) => {
  serve.stdout.on('data', (chunk) => {
    printed += chunk;
    const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(printed);
    if (match) resolve(match[1]);
  });
  serve.once('exit', (code) => reject(new Error(`heapdeck serve exited with ${code}: ${printed}`)));
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const rows = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
  };
  const settled = (testId) =>
    page.waitForFunction((id) => !document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes('Loading…'), testId, { timeout: 600_000 });
  const step = async (label, action) => {
    const started = performance.now();
    await action();
    rows.push({ label, ms: performance.now() - started });
  };

  await page.goto(url);
  await page.getByTestId('nav-snapshots').click();
  await page.getByTestId('open-file-path').fill(path);
  await step('open the file until the summary shows rows', async () => {
    await page.getByTestId('open-file-submit').click();
    await page.getByTestId('summary-tree').getByRole('row').nth(2).waitFor({ timeout: 600_000 });
  });
  rows.push({ label: 'page JS heap after open', mb: await heapMb() });
  const tree = page.getByTestId('summary-tree');
  const biggest = tree.locator('[data-testid^="class-"]').first();
  const className = (await biggest.getAttribute('data-testid')).slice('class-'.length);
  await biggest.click();
  await step(`expand ${className}`, async () => {
    await page.keyboard.press('ArrowRight');
    await tree.locator('[aria-level="2"]').first().waitFor();
    await settled('summary-tree');
  });
  await step('End: jump to its last instance', async () => {
    await page.keyboard.press('End');
    await settled('summary-tree');
  });
  await step('30 × Page Up', async () => {
    for (let k = 0; k < 30; k++) await page.keyboard.press('PageUp');
    await settled('summary-tree');
  });
  await step('Dominators tab', async () => {
    await page.getByTestId('tab-dominators').click();
    await page.getByTestId('dominators-tree').getByRole('row').nth(2).waitFor();
  });
  rows.push({ label: 'page JS heap after the walk', mb: await heapMb() });
} finally {
  await browser.close();
  serve.kill('SIGINT');
  await once(serve, 'exit');
  await rm(home, { recursive: true, force: true });
}

console.log(`\nHeapdeck renderer benchmark: ${(bytes / 1e6).toFixed(0)} MB snapshot (target: page JS heap < 200 MB)\n`);
console.log('| step | value |\n|---|---:|');
for (const row of rows) console.log(`| ${row.label} | ${row.ms !== undefined ? `${row.ms.toFixed(0)} ms` : `${row.mb.toFixed(1)} MB`} |`);
