import { describe, expect, it } from 'vitest';
import type { ApiEvents, EventName } from '../../src/shared/contract/api';
import type { ApiClient } from '../../src/shared/contract/client';
import type { NodeTarget } from '../fixtures/nodeTarget';
import { doorPerTest } from '../fixtures/doorPerTest';

function collect<E extends EventName>(api: ApiClient, event: E): ApiEvents[E][] {
  const seen: ApiEvents[E][] = [];
  api.on(event, (payload) => seen.push(payload));
  return seen;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watch features against real Node targets', () => {
  const { api, startTarget } = doorPerTest();
  let target: NodeTarget | undefined;

  it('raises a leak suspicion when the heap after GC keeps rising', async () => {
    // Retains ~512 KB every 50 ms, so each post-GC baseline sits several MB above the last.
    target = await startTarget(
      `const leak = []; console.log('ready'); setInterval(() => leak.push(new Array(64 * 1024).fill(leak.length)), 50);`,
      { inspect: true },
    );
    await api.call('setAlertSettings', { settings: { leakWindow: 3, leakMinConfidence: 0.8, leakMinGrowthBytes: 1024 * 1024 } });
    const alerts = collect(api, 'alert');
    const watch = await api.call('attach', { request: { by: 'url', url: target.webSocketUrl! }, intervalMs: 250 });
    for (let i = 0; i < 4; i++) {
      await delay(400);
      await api.call('collectGarbage', { watchId: watch.watchId });
    }
    await expect.poll(() => alerts.find((a) => a.kind === 'leak-suspicion'), { timeout: 5000 }).toBeDefined();
    const leak = alerts.find((a) => a.kind === 'leak-suspicion')!;
    expect(leak.watchId).toBe(watch.watchId);
    expect(leak.slopeBytesPerMinute).toBeGreaterThan(10 * 1024 * 1024);
    expect(leak.confidence).toBeGreaterThanOrEqual(0.8);
    expect(leak.message).toMatch(/MB/);
    // Recorded before it was shown.
    const series = await api.call('getSessionSeries', { sessionId: watch.sessionId });
    expect(series.alerts.some((a) => a.kind === 'leak-suspicion')).toBe(true);
  });

  it('lists the worker threads of a Node process and watches one of them', async () => {
    target = await startTarget(
      `const { Worker } = require('node:worker_threads');
       new Worker("globalThis.big = new Array(2e6).fill(1.5); setInterval(() => {}, 1000);", { eval: true, name: 'crunch' });
       console.log('ready'); setInterval(() => {}, 1000);`,
      { inspect: true },
    );
    await target.waitForOutput(/ready/);
    const parent = await api.call('attach', { request: { by: 'url', url: target.webSocketUrl! }, intervalMs: 500 });
    await expect.poll(async () => (await api.call('listWorkers', { watchId: parent.watchId })).length, { timeout: 5000 }).toBe(1);
    const [worker] = await api.call('listWorkers', { watchId: parent.watchId });
    expect(worker!.title).toMatch(/crunch/);

    const samples = collect(api, 'sample');
    const watch = await api.call('attach', {
      request: { by: 'worker', parentWatchId: parent.watchId, workerId: worker!.workerId },
      intervalMs: 250,
    });
    expect(watch.target.kind).toBe('node-worker');
    await expect.poll(() => samples.filter((s) => s.watchId === watch.watchId).length, { timeout: 5000 }).toBeGreaterThan(1);
    // The parent samples every 500 ms: the worker's two samples can come before its next one.
    await expect.poll(() => samples.some((s) => s.watchId === parent.watchId), { timeout: 5000 }).toBe(true);
    const workerSample = samples.filter((s) => s.watchId === watch.watchId).at(-1)!;
    const parentSample = samples.filter((s) => s.watchId === parent.watchId).at(-1)!;
    // The worker's own isolate holds the 16 MB array; the main thread's does not.
    expect(workerSample.heapUsedBytes).toBeGreaterThan(16 * 1024 * 1024);
    expect(parentSample.heapUsedBytes).toBeLessThan(workerSample.heapUsedBytes);

    await api.call('detach', { watchId: watch.watchId });
    expect((await api.call('listWatches', {})).find((w) => w.watchId === parent.watchId)?.status).toBe('watching');
  });

  it('two watches of one target each get their own samples and GC events', async () => {
    target = await startTarget(`console.log('ready'); setInterval(() => { const a = []; for (let i = 0; i < 5e4; i++) a.push({ i }); }, 20);`, {
      inspect: true,
    });
    const gcs = collect(api, 'gc');
    const samples = collect(api, 'sample');
    const first = await api.call('attach', { request: { by: 'url', url: target.webSocketUrl! }, intervalMs: 250 });
    const second = await api.call('attach', { request: { by: 'endpoint', endpoint: `127.0.0.1:${target.port}` }, intervalMs: 250 });
    await delay(1500);
    for (const watch of [first, second]) {
      expect(samples.filter((s) => s.watchId === watch.watchId).length).toBeGreaterThanOrEqual(4);
      expect(gcs.filter((g) => g.watchId === watch.watchId).length).toBeGreaterThan(0);
    }
    await api.call('detach', { watchId: first.watchId });
    const before = samples.filter((s) => s.watchId === second.watchId).length;
    await delay(800);
    expect(samples.filter((s) => s.watchId === second.watchId).length).toBeGreaterThan(before);
  });
});
