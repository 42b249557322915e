import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeapdeckError } from '../../src/shared/contract/errors';
import type { WorkerTarget } from '../../src/shared/model/targets';
import type { CdpSession } from '../../src/main/cdp/cdpSession';
import { createWorkerSession } from '../../src/main/cdp/workerSession';
import type { ConnectedTarget } from '../../src/main/targets/connectedTarget';
import { watchWorkers, type WorkerRegistry } from '../../src/main/targets/nodeWorkers';
import { resolveTarget } from '../../src/main/targets/resolveTarget';
import { startNodeTarget, type NodeTarget } from '../fixtures/nodeTarget';

// A process with one worker thread that marks its global, and a way to start another.
const WITH_WORKER = `
const { Worker } = require('node:worker_threads');
const body = "globalThis.marker = 'from ' + require('node:worker_threads').workerData; globalThis.keep = new Array(20000).fill('x'); setInterval(() => {}, 1000);";
globalThis.startWorker = (name) => new Worker(body, { eval: true, name, workerData: name });
const first = globalThis.startWorker('alpha');
first.once('online', () => console.log('ready'));
setInterval(() => {}, 1000);`;

async function evaluate(session: CdpSession, expression: string): Promise<unknown> {
  const answer = await session.send('Runtime.evaluate', { expression, returnByValue: true, includeCommandLineAPI: true });
  return answer.result.value;
}

describe('Node worker threads', () => {
  let node: NodeTarget;
  let parent: ConnectedTarget;
  let workers: WorkerRegistry;

  beforeAll(async () => {
    node = await startNodeTarget(WITH_WORKER, { inspect: true });
    await node.waitForOutput(/ready/);
    parent = await resolveTarget({ by: 'url', url: node.webSocketUrl! }, { parentOf: () => undefined });
    workers = watchWorkers(parent.session, 'watch-1');
    await workers.ready;
  });
  afterAll(async () => {
    workers?.dispose();
    await parent?.session.close();
    await node?.kill();
  });

  it('lists a running worker once NodeWorker is enabled', () => {
    expect(workers.list()).toEqual([{ workerId: expect.any(String), title: expect.stringMatching(/alpha$/), url: '', parentWatchId: 'watch-1' }]);
  });

  it("reaches the worker's Runtime through createWorkerSession", async () => {
    const [alpha] = workers.list();
    const session = createWorkerSession(parent.session, workers.sessionIdOf(alpha!.workerId)!);
    expect(await evaluate(session, 'globalThis.marker')).toBe('from alpha');
    expect(await evaluate(session, "require('node:worker_threads').threadId")).toBe(1);
    expect(await evaluate(session, 'process.pid')).toBe(node.pid);
    const usage = await session.send('Runtime.getHeapUsage');
    expect(usage.usedSize).toBeGreaterThan(0);
    // The main thread is a different isolate: it has no marker.
    expect(await evaluate(parent.session, 'typeof globalThis.marker')).toBe('undefined');
    // Not closed here: a NodeWorker.detach would hide alpha from this registry for good.
  });

  it('tracks workers that start and stop', async () => {
    const changes: WorkerTarget[][] = [];
    const stop = workers.onChange((list) => changes.push(list));
    await evaluate(parent.session, "globalThis.beta = startWorker('beta'); 'started'");
    await expect.poll(() => workers.list().map((worker) => worker.title.replace(/^.* /, ''))).toEqual(['alpha', 'beta']);
    await evaluate(parent.session, 'globalThis.beta.terminate().then(() => "stopped")');
    await expect.poll(() => workers.list().length).toBe(1);
    stop();
    expect(changes.length).toBeGreaterThanOrEqual(2);
  });

  it('attaches to a worker through resolveTarget, again and again, leaving the parent registry whole', async () => {
    const [alpha] = workers.list();
    const context = { parentOf: (watchId: string) => (watchId === 'watch-1' ? { descriptor: parent.descriptor, workers } : undefined) };
    for (let round = 0; round < 2; round++) {
      const worker = await resolveTarget({ by: 'worker', parentWatchId: 'watch-1', workerId: alpha!.workerId }, context);
      expect(worker.descriptor).toEqual({
        kind: 'node-worker',
        title: alpha!.title,
        url: '',
        debuggerUrl: `worker:${alpha!.workerId}`,
        pid: node.pid,
        product: parent.descriptor.product,
      });
      expect(await evaluate(worker.session, 'globalThis.marker')).toBe('from alpha');
      await worker.session.close();
      expect(worker.session.closed).toBe(true);
      expect(workers.list().map((entry) => entry.workerId)).toEqual([alpha!.workerId]);
    }
  });

  it('says a worker that is not running is not found', async () => {
    const context = { parentOf: () => ({ descriptor: parent.descriptor, workers }) };
    const error = await resolveTarget({ by: 'worker', parentWatchId: 'watch-1', workerId: 'no-such' }, context).catch((caught: HeapdeckError) => caught);
    expect(error).toBeInstanceOf(HeapdeckError);
    expect((error as HeapdeckError).code).toBe('NOT_FOUND');
    const noParent = await resolveTarget({ by: 'worker', parentWatchId: 'gone', workerId: '1' }, { parentOf: () => undefined }).catch((caught: HeapdeckError) => caught);
    expect((noParent as HeapdeckError).message).toBe('No attached watch gone to reach worker 1 through.');
  });

  it('ends a worker session when its worker exits', async () => {
    await evaluate(parent.session, "globalThis.gamma = startWorker('gamma'); 'started'");
    await expect.poll(() => workers.list().length).toBe(2);
    const gamma = workers.list().find((worker) => worker.title.endsWith('gamma'))!;
    const context = { parentOf: () => ({ descriptor: parent.descriptor, workers }) };
    const worker = await resolveTarget({ by: 'worker', parentWatchId: 'watch-1', workerId: gamma.workerId }, context);
    const ended = new Promise<void>((resolve) => worker.session.onDisconnect(resolve));
    await evaluate(parent.session, 'globalThis.gamma.terminate().then(() => "stopped")');
    await ended;
    expect(worker.session.closed).toBe(true);
    await expect.poll(() => workers.list().length).toBe(1);
  });
});
