// npm run bench:sampling [-- --minutes 10] [--interval 1000]
// Measures what watching costs: the target's extra CPU at a 1 s interval (a watched target
// against an identical unwatched twin, same window), the target's post-GC heap drift caused by
// our probes, and Heapdeck's own footprint (serve process RSS, the UI page's JS heap).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, interval: { type: 'string', default: '1000' } },
});
const intervalMs = Number(values.interval);
const durationMs = Number(values.minutes) * 60_000;
const CHECKPOINTS = 10;
const CLOCK_TICKS = 100; // USER_HZ on Linux

// A service-like target: small garbage every 10 ms, a steady retained set.
const TARGET = `
  const keep = Array.from({ length: 20000 }, (_, i) => ({ i, s: 'item' + i }));
  setInterval(() => { const tmp = []; for (let i = 0; i < 500; i++) tmp.push({ i, s: 'x' + i }); }, 10);
  console.log('ready', keep.length);
`;

function startProcess(args, env = {}) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const waitFor = (pattern) =>
    new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        const match = pattern.exec(output);
        if (match) {
          clearInterval(timer);
          resolve(match);
        }
      }, 50);
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
  return { child, waitFor };
}

async function cpuSeconds(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

async function rssBytes(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

function rpcClient(url) {
  const socket = new WebSocket(url);
  let nextId = 1;
  const pending = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  });
  const opened = new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    opened,
    async call(method, params) {
      await opened;
      const id = nextId++;
      const result = await new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ type: 'call', id, method, params }));
      });
      if (!result.ok) throw new Error(`${method}: ${result.error.message} [${result.error.code}]`);
      return result.value;
    },
    close: () => socket.close(),
  };
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const home = await mkdtemp(join(tmpdir(), 'heapdeck-bench-'));
// --inspect-port=0: SIGUSR1 opens the inspector on a free port, never colliding on 9229.
const watched = startProcess(['--inspect-port=0', '-e', TARGET]);
const twin = startProcess(['--inspect-port=0', '-e', TARGET]);
const children = [watched, twin];
process.on('exit', () => children.forEach((proc) => proc.child.kill('SIGKILL')));
await Promise.all([watched.waitFor(/ready/), twin.waitFor(/ready/)]);
const serve = startProcess(['bin/heapdeck.js', 'serve', '--port', '0'], { HEAPDECK_HOME: home });
children.push(serve);
const [, url, port, token] = await serve.waitFor(/(http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+))/);
const api = rpcClient(`ws://127.0.0.1:${port}/rpc?token=${token}`);

const browser = await chromium.launch({
  executablePath: process.env.HEAPDECK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage();
await page.goto(url);
const pageCdp = await page.context().newCDPSession(page);
async function pageHeapBytes() {
  await pageCdp.send('HeapProfiler.collectGarbage');
  return (await pageCdp.send('Runtime.getHeapUsage')).usedSize;
}

const watch = await api.call('attach', { request: { by: 'pid', pid: watched.child.pid }, intervalMs });
// The page shows the live charts for the whole watch, as a user would have it.
await page.getByTestId('nav-watches').click();
await page.getByTestId(`watch-${watch.watchId}`).waitFor();
const firstGc = await api.call('collectGarbage', { watchId: watch.watchId });
console.log(`\nHeapdeck sampling benchmark: ${values.minutes} min watch every ${intervalMs} ms\n`);
console.log('| checkpoint (min) | serve RSS (MB) | UI page JS heap after GC (MB) |');
console.log('|---|---|---|');
const rows = [];
const cpuStart = [await cpuSeconds(watched.child.pid), await cpuSeconds(twin.child.pid)];
const started = Date.now();
for (let checkpoint = 1; checkpoint <= CHECKPOINTS; checkpoint++) {
  await new Promise((resolve) => setTimeout(resolve, durationMs / CHECKPOINTS));
  const row = {
    minute: ((Date.now() - started) / 60_000).toFixed(1),
    serveRss: await rssBytes(serve.child.pid),
    pageHeap: await pageHeapBytes(),
  };
  rows.push(row);
  console.log(`| ${row.minute} | ${mb(row.serveRss)} | ${mb(row.pageHeap)} |`);
}
const wallSeconds = (Date.now() - started) / 1000;
const cpuEnd = [await cpuSeconds(watched.child.pid), await cpuSeconds(twin.child.pid)];
const lastGc = await api.call('collectGarbage', { watchId: watch.watchId });
const [session] = await api.call('listSessions', {});

const watchedCpu = cpuEnd[0] - cpuStart[0];
const twinCpu = cpuEnd[1] - cpuStart[1];
const overheadPercent = ((watchedCpu - twinCpu) / wallSeconds) * 100;
const heapDrift = lastGc.sample.heapUsedBytes - firstGc.sample.heapUsedBytes;

console.log('');
console.log('| measure | value | target |');
console.log('|---|---|---|');
console.log(`| samples recorded | ${session?.sampleCount} | |`);
console.log(`| target CPU, watched vs unwatched twin | ${watchedCpu.toFixed(2)} s vs ${twinCpu.toFixed(2)} s over ${wallSeconds.toFixed(0)} s | |`);
console.log(`| sampling overhead on the target | ${overheadPercent.toFixed(3)} % of one core | < 1 % |`);
console.log(`| target heap after GC, start → end | ${mb(firstGc.sample.heapUsedBytes)} → ${mb(lastGc.sample.heapUsedBytes)} MB (${(heapDrift / 1024).toFixed(0)} KB) | no growth |`);
console.log(`| serve RSS, first → last checkpoint | ${mb(rows[0].serveRss)} → ${mb(rows.at(-1).serveRss)} MB | < 150 MB, flat |`);
console.log(`| UI page JS heap, first → last checkpoint | ${mb(rows[0].pageHeap)} → ${mb(rows.at(-1).pageHeap)} MB | < 60 MB, flat |`);

await api.call('detach', { watchId: watch.watchId });
api.close();
await browser.close();
for (const proc of [serve, watched, twin]) proc.child.kill('SIGINT');
await new Promise((resolve) => setTimeout(resolve, 500));
await rm(home, { recursive: true, force: true });
