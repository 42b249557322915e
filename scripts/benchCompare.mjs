// node scripts/benchCompare.mjs [--megabytes 250]   (after npm run build)
// Times issue 5's comparisons over three ~N MB snapshots of one growing process (generated once
// into bench-results/snapshots): diff of the first two (with its class page and allocated
// clusters), the trend over the three, and MemLab-style leaks; then the trend report over the
// three (issue 6) in each format, and the HTML one opened in Debian Chromium. The snapshots are
// opened (parsed, or read from their analysis cache) first; that is not part of the figures.
// Targets: diff and trend of three 250 MB snapshots in under 10 s; their report under 5 MB,
// opening in under 2 s.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { repoRoot } from './benchSnapshotFiles.mjs';
import { openBenchServices } from './benchServices.mjs';

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '250' }, child: { type: 'string' } } });
// Units of the generated heap per MB of snapshot (measured: 50 000 units give three ~240-260 MB snapshots).
const UNITS_PER_MB = 210;
const SERIES = 3;

if (values.child) {
  // The child: a heap of records (as benchSnapshotHeap.mjs builds) whose cache grows between snapshots.
  const { writeHeapSnapshot } = await import('node:v8');
  const paths = JSON.parse(values.child);
  const units = Number(values.megabytes) * UNITS_PER_MB;
  class Customer {
    constructor(id) {
      this.id = id;
      this.name = `customer-${id}`;
      this.tags = ['new', id % 2 ? 'odd' : 'even'];
      this.address = { street: `${id} Main St`, city: `City ${id % 97}` };
    }
  }
  class Order {
    constructor(id, customer) {
      this.id = id;
      this.customer = customer;
      this.lines = Array.from({ length: 3 }, (_, k) => ({ sku: `SKU-${(id * 7 + k) % 5000}`, qty: k + 1 }));
      this.onUpdate = () => this.lines.length;
    }
  }
  class Session {
    constructor(id) {
      this.id = id;
      this.data = { visits: id, seen: [id, id + 1, id + 2] };
    }
  }
  const keep = { customers: [], orders: new Map(), sessions: new Map() };
  for (let i = 0; i < units; i++) {
    const customer = new Customer(i);
    keep.customers.push(customer);
    for (let k = 0; k < 4; k++) keep.orders.set(i * 4 + k, new Order(i * 4 + k, customer));
  }
  globalThis.benchHeap = keep;
  let next = 0;
  for (const path of paths) {
    for (let i = 0; i < 20_000; i++, next++) keep.sessions.set(`session-${next}`, new Session(next));
    writeHeapSnapshot(path);
  }
  process.exit(0);
}

const megabytes = Number(values.megabytes);
const dir = join(repoRoot, 'bench-results', 'snapshots');
const paths = Array.from({ length: SERIES }, (_, k) => join(dir, `series-${megabytes}mb-${k}.heapsnapshot`));
if (!(await Promise.all(paths.map((path) => stat(path).then(() => true, () => false)))).every(Boolean)) {
  await mkdir(dir, { recursive: true });
  process.stderr.write(`Generating three ~${megabytes} MB snapshots of one process...\n`);
  const partial = paths.map((path) => `${path}.partial`);
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=16000', 'scripts/benchCompare.mjs', '--megabytes', String(megabytes), '--child', JSON.stringify(partial)], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the snapshot series generator exited with ${code}`))));
  });
  await Promise.all(partial.map((path, k) => rename(path, paths[k])));
}

const { api, close } = await openBenchServices('compare');
const rows = [];
async function timed(step, call) {
  const started = performance.now();
  const result = await call();
  rows.push({ step, ms: performance.now() - started });
  return result;
}

let sizes;
try {
  sizes = await Promise.all(paths.map((path) => stat(path).then((stats) => stats.size)));
  process.stderr.write(`Opening ${paths.length} snapshots (${sizes.map((size) => `${(size / 1e6).toFixed(0)} MB`).join(', ')})...\n`);
  const openStarted = performance.now();
  // One after another, as a person opens them; each parses in its own worker.
  const snapshots = [];
  for (const path of paths) snapshots.push(await api.call('openSnapshot', { path }));
  const openMs = performance.now() - openStarted;
  const ids = snapshots.map((snapshot) => snapshot.snapshotId);

  const comparison = await timed('diff: compareSnapshots (export, transfer, match by id)', () => api.call('compareSnapshots', { baseSnapshotId: ids[0], targetSnapshotId: ids[1] }));
  const { comparisonId } = comparison;
  await timed('diff: first page of classes', () => api.call('getComparisonClasses', { comparisonId, limit: 100 }));
  const clusters = await timed('diff: allocated clusters', () => api.call('getAllocatedClusters', { comparisonId }));
  const trend = await timed('trend over 3 snapshots', () => api.call('getTrend', { snapshotIds: ids }));
  const leaks = await timed('leaks (baseline, target, final)', () => api.call('findLeaks', { baselineSnapshotId: ids[0], targetSnapshotId: ids[1], finalSnapshotId: ids[2] }));
  const diffAndTrendMs = rows.slice(0, 4).reduce((sum, row) => sum + row.ms, 0);
  const reports = await exportReports(paths);
  const formatMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  console.log(`\nHeapdeck comparison benchmark: three snapshots of ${sizes.map((size) => `${(size / 1e6).toFixed(0)} MB`).join(', ')}`);
  console.log(`(${snapshots[0].nodeCount.toLocaleString('en')} objects in the first; opened in ${formatMs(openMs)}, not counted)\n`);
  console.log('| step | time |');
  console.log('|---|---:|');
  for (const { step, ms } of rows) console.log(`| ${step} | ${formatMs(ms)} |`);
  console.log(`| **diff and trend** (target < 10 s) | **${formatMs(diffAndTrendMs)}** |`);
  for (const { format, ms, sizeBytes } of reports.exports) console.log(`| trend report, ${format}: write (${(sizeBytes / 1024).toFixed(0)} KB${format === 'html' ? ', target < 5 MB' : ''}) | ${formatMs(ms)} |`);
  console.log(`| **trend report, html: open in Chromium until loaded** (target < 2 s) | **${formatMs(reports.openMs)}** |`);
  console.log(`\nmatched by id: ${comparison.matchedById}; new ${comparison.newCount.toLocaleString('en')}, deleted ${comparison.deletedCount.toLocaleString('en')}`);
  console.log(`top allocated cluster: ${clusters[0]?.count} × ${clusters[0]?.classNames[0]} via ${clusters[0]?.pattern}`);
  console.log(`top leak cluster: ${leaks.clusters[0]?.count} × ${leaks.clusters[0]?.classNames[0]} via ${leaks.clusters[0]?.pattern}`);
  console.log(`trend: ${trend.classes.filter((row) => row.grewEveryTime).map((row) => row.name).join(', ')} grew every time; warnings: ${trend.warnings.length}`);
} finally {
  await close();
}

/** Writes the trend report of `files` in each format, then times Chromium opening the HTML one. */
async function exportReports(files) {
  const dir = await mkdtemp(join(tmpdir(), 'heapdeck-report-bench-'));
  try {
    const exports = [];
    for (const format of ['html', 'json', 'md']) {
      const destination = join(dir, `trend.${format}`);
      const started = performance.now();
      const { sizeBytes } = await api.call('exportReport', { files, format, destination });
      exports.push({ format, ms: performance.now() - started, sizeBytes, destination });
    }
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const started = performance.now();
      await page.goto(pathToFileURL(exports[0].destination).href, { waitUntil: 'load' });
      // Laid out and painted, not only parsed: ask for the table sizes after the load event.
      await page.evaluate(() => document.body.getBoundingClientRect().height);
      return { exports, openMs: performance.now() - started };
    } finally {
      await browser.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
