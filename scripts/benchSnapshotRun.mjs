// One timed run of one engine on one snapshot, as its own process (started by benchSnapshot.mjs):
//   node scripts/benchSnapshotRun.mjs <heapdeck|memlab|toolkit> <file.heapsnapshot> [engine.mjs]
// Prints one JSON line: time from start to "retained sizes and class summary ready", the class
// count, and this process's peak RSS (VmHWM).
import { createReadStream, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [engine, file, heapdeckBundle] = process.argv.slice(2);
const started = performance.now();
let classCount;

if (engine === 'heapdeck') {
  const { openSnapshot } = await import(pathToFileURL(heapdeckBundle).href);
  // Cold every time: a cache beside the file would time a read, not an analysis.
  const model = await openSnapshot(file, { useCache: false });
  classCount = model.summary().classes.length;
} else if (engine === 'toolkit') {
  const { parse } = await import('heap-snapshot-toolkit');
  const snapshot = await parse(createReadStream(file));
  classCount = Object.keys(snapshot.getAggregatesByClassKey(false, 'allObjects')).length;
} else if (engine === 'memlab') {
  const { default: memlab } = await import('@memlab/core');
  memlab.config.muteConsole = true;
  const snapshot = await memlab.utils.getSnapshotFromFile(file, { buildNodeIdIndex: true });
  memlab.analysis.preparePathFinder(snapshot);
  // MemLab has no class summary; group by node name as its own reports do.
  const classes = new Map();
  snapshot.nodes.forEach((node) => classes.set(node.name, (classes.get(node.name) ?? 0) + node.retainedSize));
  classCount = classes.size;
} else {
  throw new Error(`unknown engine ${engine}`);
}

const readyMs = performance.now() - started;
const peakKb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
console.log(JSON.stringify({ engine, readyMs: Math.round(readyMs), classCount, peakRssBytes: peakKb * 1024 }));
