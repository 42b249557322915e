// npm run bench:snapshot [-- --sizes 50,250 --runs 3 --engines heapdeck,toolkit,memlab]
// Generates real V8 snapshots of about the given sizes in MB (cached in bench-results/snapshots),
// then times Heapdeck's engine, DevTools' algorithms (heap-snapshot-toolkit) and MemLab on each,
// every run a separate process from file to "retained sizes and class summary ready", the engines
// taking turns, and prints one table: wall time and peak RSS (median of the runs; an engine whose
// run took over a minute is run once).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { wasmText } from './wasmTextPlugin.mjs';
import { repoRoot as root, runNode as run, snapshotOfSize } from './benchSnapshotFiles.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50,250' },
    runs: { type: 'string', default: '3' },
    engines: { type: 'string', default: 'heapdeck,toolkit,memlab' },
  },
});
const bundle = join(root, 'out', 'bench', 'snapshotEngine.mjs');
const LONG_RUN_MS = 60_000;

async function timeRun(engine, path) {
  const started = performance.now();
  const line = await run(['--max-old-space-size=16000', 'scripts/benchSnapshotRun.mjs', engine, path, bundle]);
  return { ...JSON.parse(line.trim().split('\n').pop()), wallMs: performance.now() - started };
}

/**
 * Runs the engines in turns (one run of each, then the next round) rather than all runs of one
 * engine first: this machine's speed drifts over minutes, and turns spread the drift evenly.
 */
async function timeEngines(engines, path, bytes, runs) {
  const results = Object.fromEntries(engines.map((engine) => [engine, []]));
  for (let attempt = 0; attempt < runs; attempt++) {
    for (const engine of engines) {
      const done = results[engine];
      if (done.some((result) => result.wallMs > LONG_RUN_MS)) continue;
      process.stderr.write(`${engine} on ${(bytes / 1e6).toFixed(0)} MB, run ${attempt + 1}...\n`);
      done.push(await timeRun(engine, path));
    }
  }
  const median = (done, key) => done.map((result) => result[key]).sort((a, b) => a - b)[Math.floor(done.length / 2)];
  return Object.fromEntries(
    Object.entries(results).map(([engine, done]) => [
      engine,
      { wallMs: median(done, 'wallMs'), peakRssBytes: median(done, 'peakRssBytes'), classCount: done[0].classCount, runs: done.length },
    ]),
  );
}

await build({
  configFile: false,
  plugins: [wasmText()],
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: join(root, 'out', 'bench'),
    emptyOutDir: false,
    minify: false,
    rollupOptions: {
      // The engine finds its helper thread's script beside itself.
      input: {
        snapshotEngine: join(root, 'src/main/worker/openSnapshot.ts'),
        snapshotHelper: join(root, 'src/main/worker/snapshotHelper.ts'),
      },
      output: { entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', format: 'es' },
    },
  },
});

const engines = values.engines.split(',');
const rows = [];
for (const megabytes of values.sizes.split(',').map(Number)) {
  const { path, bytes } = await snapshotOfSize(megabytes);
  rows.push({ bytes, timings: await timeEngines(engines, path, bytes, Number(values.runs)) });
}

const mb = (bytes) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log('\nsnapshot | engine    | wall (median) | peak RSS | wall vs heapdeck | RSS vs heapdeck | runs');
console.log('---------|-----------|---------------|----------|------------------|-----------------|-----');
for (const { bytes, timings } of rows) {
  const ours = timings.heapdeck;
  for (const [engine, timing] of Object.entries(timings)) {
    const wallRatio = ours ? `${(timing.wallMs / ours.wallMs).toFixed(1)}x` : '-';
    const rssRatio = ours ? `${(timing.peakRssBytes / ours.peakRssBytes).toFixed(1)}x` : '-';
    console.log(
      `${mb(bytes).padStart(8)} | ${engine.padEnd(9)} | ${seconds(timing.wallMs).padStart(13)} | ${mb(timing.peakRssBytes).padStart(8)} | ${wallRatio.padStart(16)} | ${rssRatio.padStart(15)} | ${timing.runs}`,
    );
  }
}
