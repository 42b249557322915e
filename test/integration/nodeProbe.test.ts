import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpSession } from '../../src/main/cdp/cdpSession';
import { connectDirect } from '../../src/main/cdp/directSession';
import { createWorkerSession } from '../../src/main/cdp/workerSession';
import { evaluateInTarget } from '../../src/main/sampling/evaluateInTarget';
import type { ProbeGcEvent } from '../../src/main/sampling/memoryProbe';
import { GC_OBSERVERS_KEY } from '../../src/main/sampling/nodeGcObserver';
import { createNodeProbe } from '../../src/main/sampling/nodeProbe';
import { IDLE_TARGET, startNodeTarget, type NodeTarget } from '../fixtures/nodeTarget';

const MB = 1024 * 1024;
// Enough short-lived garbage for a few dozen minor GCs, run synchronously inside the target.
const CHURN = `(() => { for (let round = 0; round < 40; round++) { const junk = []; for (let i = 0; i < 20000; i++) junk.push({ i, s: 'x' + i }); } })()`;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const run = <T>(session: CdpSession, expression: string) => evaluateInTarget<T>(session, expression, 'test code');
const observerIds = (session: CdpSession) =>
  run<string[]>(session, `[...(globalThis[Symbol.for(${JSON.stringify(GC_OBSERVERS_KEY)})]?.keys() ?? [])]`);
const observersPresent = (session: CdpSession) =>
  run<boolean>(session, `Object.getOwnPropertySymbols(globalThis).includes(Symbol.for(${JSON.stringify(GC_OBSERVERS_KEY)}))`);

/** Churns, then waits for the target's event loop to hand the GC entries to the observer. */
async function churn(session: CdpSession): Promise<void> {
  await run(session, CHURN);
  await delay(100);
}

describe('Node probe against a real node --inspect process', () => {
  let target: NodeTarget;
  let session: CdpSession;

  beforeAll(async () => {
    target = await startNodeTarget(IDLE_TARGET, { inspect: true });
    session = await connectDirect(target.webSocketUrl!);
  });
  afterAll(async () => {
    await session?.close();
    await target?.kill();
  });

  it('reads heap, process memory and heap spaces, and sees 50 MB of allocation', async () => {
    const probe = await createNodeProbe(session);
    try {
      const before = await probe.sample();
      expect(before.heapUsedBytes).toBeGreaterThan(0);
      expect(before.heapTotalBytes).toBeGreaterThanOrEqual(before.heapUsedBytes);
      expect(before.heapLimitBytes).toBeGreaterThan(100 * MB);
      expect(before.rssBytes).toBeGreaterThan(before.heapUsedBytes);
      expect(before.externalBytes).toBeGreaterThan(0);
      expect(before.arrayBuffersBytes).toBeGreaterThan(0);
      const spaceNames = before.spaces!.map((space) => space.name);
      expect(spaceNames).toEqual(expect.arrayContaining(['new_space', 'old_space', 'code_space', 'large_object_space']));
      for (const space of before.spaces!) expect(space.sizeBytes).toBeGreaterThanOrEqual(space.usedBytes);

      // 50 arrays of 128 Ki doubles (1 MB each) on the JS heap, 20 MB of Buffer outside it.
      await run(session, `globalThis.held = Array.from({ length: 50 }, () => new Array(131072).fill(0.5)); globalThis.buffer = Buffer.alloc(20 * 1024 * 1024, 1); 0`);
      const after = await probe.sample();
      expect(after.heapUsedBytes - before.heapUsedBytes).toBeGreaterThan(45 * MB);
      expect(after.arrayBuffersBytes! - before.arrayBuffersBytes!).toBeGreaterThanOrEqual(20 * MB);
      expect(after.externalBytes! - before.externalBytes!).toBeGreaterThanOrEqual(20 * MB);
      const oldAndLarge = (s: typeof after) =>
        s.spaces!.filter((space) => space.name === 'old_space' || space.name === 'large_object_space').reduce((sum, space) => sum + space.usedBytes, 0);
      expect(oldAndLarge(after) - oldAndLarge(before)).toBeGreaterThan(40 * MB);
    } finally {
      await run(session, 'delete globalThis.held; delete globalThis.buffer');
      await probe.dispose();
    }
  });

  it('reports GCs with their kinds, to each probe separately, and removes itself on dispose', async () => {
    const first = await createNodeProbe(session);
    const second = await createNodeProbe(session);
    expect(await observerIds(session)).toHaveLength(2);
    await churn(session);
    const seenByFirst = await first.drainGcEvents();
    const seenBySecond = await second.drainGcEvents();
    expect(seenByFirst.filter((gc) => gc.kind === 'minor').length).toBeGreaterThan(3);
    expect(seenBySecond.length).toBe(seenByFirst.length);
    for (const gc of seenByFirst) {
      expect(['minor', 'major', 'incremental', 'weak-callbacks']).toContain(gc.kind);
      expect(gc.durationMs).toBeGreaterThan(0);
      expect(gc.forced).toBe(false);
      expect(Math.abs(gc.timestampMs - Date.now())).toBeLessThan(5000);
    }
    expect(await first.drainGcEvents()).toEqual([]);

    await first.dispose();
    expect(await observerIds(session)).toHaveLength(1);
    await churn(session);
    expect((await second.drainGcEvents()).length).toBeGreaterThan(0);
    await second.dispose();
    expect(await observersPresent(session)).toBe(false);
  });

  it('forces a GC and hands back the major GC it produced, once', async () => {
    const probe = await createNodeProbe(session);
    try {
      await churn(session);
      const forced = await probe.collectGarbage();
      expect(forced).toMatchObject({ kind: 'major', forced: true });
      expect(forced.durationMs).toBeGreaterThan(0);
      const after = await probe.sample();
      expect(forced.heapUsedAfterBytes).toBeGreaterThan(0);
      expect(Math.abs(forced.heapUsedAfterBytes! - after.heapUsedBytes)).toBeLessThan(2 * MB);

      // The churn's minor GCs are still owed to the next drain; the forced GC is not repeated.
      const drained = await probe.drainGcEvents();
      expect(drained.some((gc) => gc.kind === 'minor')).toBe(true);
      expect(drained.filter((gc) => gc.kind === 'major' && gc.timestampMs >= forced.timestampMs)).toEqual([]);
    } finally {
      await probe.dispose();
    }
  });

  it('keeps its buffer bounded when nobody drains it', async () => {
    const probe = await createNodeProbe(session, { gcBufferCapacity: 5 });
    try {
      await churn(session);
      await churn(session);
      const drained = await probe.drainGcEvents();
      expect(drained).toHaveLength(5);
      expect(probe.droppedGcEventCount).toBeGreaterThan(0);
    } finally {
      await probe.dispose();
    }
  });

  it('removes itself from a target nobody drains, and comes back on the next drain', async () => {
    const probe = await createNodeProbe(session, { idleDisconnectMs: 200 });
    try {
      await delay(300);
      await churn(session);
      expect(await observersPresent(session)).toBe(false);
      expect(await probe.drainGcEvents()).toEqual([]);
      expect(await observerIds(session)).toHaveLength(1);
    } finally {
      await probe.dispose();
    }
    expect(await observersPresent(session)).toBe(false);
  });

  it('is cheap, and 300 samples do not make the target heap grow', async () => {
    const probe = await createNodeProbe(session);
    try {
      const postGcHeap = async () => {
        await probe.collectGarbage();
        return (await probe.sample()).heapUsedBytes;
      };
      const baselineBefore = await postGcHeap();
      const startedMs = performance.now();
      for (let i = 0; i < 300; i++) await probe.sample();
      const sampleMs = (performance.now() - startedMs) / 300;
      const drained: ProbeGcEvent[] = await probe.drainGcEvents();
      const baselineAfter = await postGcHeap();
      console.log(
        `node sample: ${sampleMs.toFixed(2)} ms each; post-GC heap ${(baselineBefore / MB).toFixed(2)} MB -> ` +
          `${(baselineAfter / MB).toFixed(2)} MB after 300 samples (${drained.length} GCs meanwhile)`,
      );
      expect(sampleMs).toBeLessThan(20);
      expect(baselineAfter - baselineBefore).toBeLessThan(256 * 1024);
    } finally {
      await probe.dispose();
    }
  });
});

describe('Node probe in a worker thread', () => {
  const WORKER_TARGET = `
    const { Worker } = require('node:worker_threads');
    new Worker("globalThis.kept = []; setInterval(() => { const junk = []; for (let i = 0; i < 20000; i++) junk.push({ i }); }, 20);", { eval: true });
    console.log('ready');
    setInterval(() => {}, 1000);
  `;
  let target: NodeTarget;
  let parent: CdpSession;

  beforeAll(async () => {
    target = await startNodeTarget(WORKER_TARGET, { inspect: true });
    await target.waitForOutput(/ready/);
    parent = await connectDirect(target.webSocketUrl!);
  });
  afterAll(async () => {
    await parent?.close();
    await target?.kill();
  });

  it('samples the worker through NodeWorker, with its own heap and GCs', async () => {
    const attached = new Promise<string>((resolve) => {
      parent.on('NodeWorker.attachedToWorker', ({ sessionId }) => resolve(sessionId));
    });
    await parent.send('NodeWorker.enable', { waitForDebuggerOnStart: false });
    const worker = createWorkerSession(parent, await attached);
    const probe = await createNodeProbe(worker);
    try {
      expect(await run(worker, `require('node:worker_threads').isMainThread`)).toBe(false);
      const before = await probe.sample();
      expect(before.heapUsedBytes).toBeGreaterThan(0);
      expect(before.spaces!.map((space) => space.name)).toContain('old_space');
      expect(before.rssBytes).toBeGreaterThan(0);

      // 20 MB held by the worker shows in the worker's heap, not the main thread's.
      const mainBefore = await parent.send('Runtime.getHeapUsage');
      await run(worker, `globalThis.kept.push(new Array(20 * 131072).fill(0.5)); 0`);
      const after = await probe.sample();
      const mainAfter = await parent.send('Runtime.getHeapUsage');
      // Less than 20 MB: the worker's own garbage from before may be collected in between.
      expect(after.heapUsedBytes - before.heapUsedBytes).toBeGreaterThan(15 * MB);
      expect(mainAfter.usedSize - mainBefore.usedSize).toBeLessThan(5 * MB);

      await delay(300);
      const gcs = await probe.drainGcEvents();
      expect(gcs.filter((gc) => gc.kind === 'minor').length).toBeGreaterThan(0);
      const forced = await probe.collectGarbage();
      expect(forced).toMatchObject({ kind: 'major', forced: true });
      expect(forced.heapUsedAfterBytes).toBeGreaterThan(19 * MB);
    } finally {
      await probe.dispose();
      expect(await observersPresent(worker)).toBe(false);
      await worker.close();
    }
  });
});
