// npm run bench:explorer [-- --megabytes 1000]
// Opens the benchmark snapshot (generated if missing) through Heapdeck's services, as the UI
// does, and times each step the snapshot explorer takes: the first summary page once the
// snapshot is open; the class with the most instances and the one nearest a million (first
// page, sort changes, a far page); the references, retainers and dominator children of the
// biggest object; the first use of filters. One table, with issue 4's targets: summary rows
// < 1 s after open; expand, sort and scroll < 100 ms a step. Opening writes the analysis cache
// beside the snapshot (as the app does), so later runs time an already parsed snapshot.
import { parseArgs } from 'node:util';
import { snapshotOfSize } from './benchSnapshotFiles.mjs';
import { openBenchServices } from './benchServices.mjs';

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '1000' } } });
const STEP_TARGET = '< 100 ms';
const ALL_NOISE = ['weak', 'weakMapTable', 'inspector', 'internal'];

const { path, bytes } = await snapshotOfSize(Number(values.megabytes));
const { api, close } = await openBenchServices('explorer');
const rows = [];
async function timed(step, target, call) {
  const started = performance.now();
  const result = await call();
  rows.push({ step, ms: performance.now() - started, target });
  return result;
}

try {
  let fromCache = false;
  api.on('snapshotLoadProgress', (event) => (fromCache ||= event.step === 'reading' && event.fromCache === true));
  process.stderr.write(`Opening ${path} (${(bytes / 1e6).toFixed(0)} MB)...\n`);
  const snapshot = await timed('open the snapshot', '', () => api.call('openSnapshot', { path }));
  rows.at(-1).step += fromCache ? ' (from its analysis cache)' : ' (parse and analyse)';
  const { snapshotId, rootOrdinal } = snapshot;

  await timed('first summary page after open', '< 1 s', () => api.call('getSnapshotClasses', { snapshotId, limit: 100 }));
  const [biggest] = (await api.call('getSnapshotClasses', { snapshotId, sortBy: 'count', limit: 1 })).items;
  const instances = (request) => api.call('getClassInstances', { snapshotId, classId: biggest.classId, limit: 100, ...request });
  const label = `"${biggest.name}" (${biggest.count.toLocaleString('en')} instances)`;
  await timed(`expand ${label}: first page, by retained size`, STEP_TARGET, () => instances({}));
  await timed(`  next page (sorted order cached)`, STEP_TARGET, () => instances({ offset: 100 }));
  await timed(`  sort by shallow size, ascending: first page`, STEP_TARGET, () => instances({ sortBy: 'selfSizeBytes', ascending: true }));
  await timed(`  sort by id: first page`, STEP_TARGET, () => instances({ sortBy: 'id', ascending: true }));
  await timed(`  scroll far: page at ${(biggest.count - 100).toLocaleString('en')}`, STEP_TARGET, () => instances({ sortBy: 'id', ascending: true, offset: biggest.count - 100 }));

  // The target is phrased for a class of a million instances: time the nearest one too.
  const byCount = (await api.call('getSnapshotClasses', { snapshotId, sortBy: 'count', limit: 50 })).items;
  const nearMillion = byCount.reduce((best, row) => (Math.abs(row.count - 1e6) < Math.abs(best.count - 1e6) ? row : best));
  const nearLabel = `"${nearMillion.name}" (${nearMillion.count.toLocaleString('en')} instances)`;
  const nearPage = (request) => api.call('getClassInstances', { snapshotId, classId: nearMillion.classId, limit: 100, ...request });
  await timed(`expand ${nearLabel}: first page, by retained size`, STEP_TARGET, () => nearPage({}));
  await timed(`  sort by distance: first page`, STEP_TARGET, () => nearPage({ sortBy: 'distance', ascending: true }));
  await timed(`  sort by id, descending: a far page`, STEP_TARGET, () => nearPage({ sortBy: 'id', offset: nearMillion.count - 100 }));

  const [big] = await api.call('getTopRetainers', { snapshotId, limit: 1 });
  const bigLabel = `the biggest object, ${big.className} @${big.id}`;
  await timed(`references of ${bigLabel}`, STEP_TARGET, () => api.call('getObjectEdges', { snapshotId, ordinal: big.ordinal, limit: 100 }));
  await timed(`retainers of ${bigLabel}, noise hidden`, STEP_TARGET, () => api.call('getObjectRetainers', { snapshotId, ordinal: big.ordinal, hide: ALL_NOISE }));
  await timed('dominator children of the root (first use)', STEP_TARGET, () => api.call('getDominatorChildren', { snapshotId, ordinal: rootOrdinal, limit: 100 }));
  await timed(`dominator children of ${bigLabel}`, STEP_TARGET, () => api.call('getDominatorChildren', { snapshotId, ordinal: big.ordinal, limit: 100 }));
  const [instance] = (await instances({})).items;
  await timed(`retainers of a ${biggest.name}, noise hidden`, STEP_TARGET, () => api.call('getObjectRetainers', { snapshotId, ordinal: instance.ordinal, hide: ALL_NOISE }));
  // With nothing hidden, so there is a retainer to ignore even when all of them are V8's own.
  const [nearest] = (await api.call('getObjectRetainers', { snapshotId, ordinal: instance.ordinal })).items;
  await timed(`  ignoring its nearest retainer (distances recomputed)`, '', () =>
    api.call('getObjectRetainers', { snapshotId, ordinal: instance.ordinal, ignored: [nearest.node.ordinal] }),
  );
  for (const preset of ['duplicatedStrings', 'eventHandlers']) {
    await timed(`summary filtered by ${preset} (first use)`, '', () => api.call('getSnapshotClasses', { snapshotId, objects: { preset }, limit: 100 }));
  }
  await timed('summary filtered by class name regex', STEP_TARGET, () => api.call('getSnapshotClasses', { snapshotId, filter: '^(order|customer)', regex: true }));
} finally {
  await close();
}

const formatMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
console.log(`\nHeapdeck snapshot explorer benchmark: ${(bytes / 1e6).toFixed(0)} MB snapshot\n`);
console.log('| step | time | target |');
console.log('|---|---:|---|');
for (const { step, ms, target } of rows) console.log(`| ${step} | ${formatMs(ms)} | ${target} |`);
