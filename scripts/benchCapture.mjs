// npm run bench:capture [-- --megabytes 1000]
// Streams a snapshot of a live Node process with a heap of about the given snapshot size through
// `heapdeck snapshot`, polling that process's RSS, to show the capture never holds the snapshot:
// its memory during the capture against its level once attached.
import { spawn } from 'node:child_process';
import { readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '1000' } } });
const UNITS_PER_MB = 167; // as benchSnapshot.mjs measured for benchSnapshotHeap.mjs
const output = join(tmpdir(), `heapdeck-capture-bench-${process.pid}.heapsnapshot`);

async function rssMegabytes(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
}

const target = spawn(process.execPath, ['--inspect-port=0', '--max-old-space-size=16000', 'scripts/benchSnapshotHeap.mjs', String(Number(values.megabytes) * UNITS_PER_MB), '--stay'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.stderr.write(`Building a heap for a ~${values.megabytes} MB snapshot...\n`);
await new Promise((resolve) => target.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve()));

const started = Date.now();
const cli = spawn(process.execPath, ['bin/heapdeck.js', 'snapshot', `pid:${target.pid}`, '-o', output, '--no-gc'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, HEAPDECK_HOME: join(tmpdir(), `heapdeck-capture-bench-home-${process.pid}`) },
});
const readings = [];
const poll = setInterval(async () => {
  const rss = await rssMegabytes(cli.pid);
  if (rss !== undefined) readings.push({ atMs: Date.now() - started, rss });
}, 100);
const code = await new Promise((resolve) => cli.on('exit', resolve));
clearInterval(poll);
target.kill('SIGKILL');

const size = (await stat(output).catch(() => ({ size: 0 }))).size;
await rm(output, { force: true });
// Attached and idle: the first reading after startup settles (the CLI loads, connects, installs its probe).
const attached = readings.find((reading) => reading.atMs >= 1000)?.rss ?? readings[0]?.rss ?? 0;
const peak = Math.max(...readings.map((reading) => reading.rss));
console.log(`\nHeapdeck capture benchmark (exit ${code})\n`);
console.log('| measure | value | target |');
console.log('|---|---|---|');
console.log(`| snapshot streamed to disk | ${(size / 1e6).toFixed(0)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s | |`);
console.log(`| heapdeck process RSS once attached | ${attached.toFixed(0)} MB | |`);
console.log(`| heapdeck process RSS peak during the capture | ${peak.toFixed(0)} MB (+${(peak - attached).toFixed(0)} MB) | within ~100 MB of idle |`);
