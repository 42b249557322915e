import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotLoadProgressEvent } from '../../src/shared/model/heapSnapshots';
import { EventHub } from '../../src/main/rpc/eventHub';
import { OpenSnapshots } from '../../src/main/snapshots/openSnapshots';
import { inMemoryDoor, type DoorUnderTest } from '../fixtures/doors';

// A real V8 heap with a planted structure: one LeakyCache holding 10 000 Entry objects.
const PLANTED_APP = `
  class Entry { constructor(i) { this.key = 'key-' + i; this.payload = new Array(16).fill(i); } }
  class LeakyCache { constructor() { this.entries = []; } add(e) { this.entries.push(e); } }
  globalThis.cache = new LeakyCache();
  for (let i = 0; i < 10000; i++) globalThis.cache.add(new Entry(i));
  require('v8').writeHeapSnapshot(process.argv[1]);
`;

describe('snapshot analysis in worker threads', () => {
  let door: DoorUnderTest;
  let snapshotPath: string;

  beforeAll(async () => {
    door = await inMemoryDoor();
    snapshotPath = join(door.root, 'planted.heapsnapshot');
    execFileSync(process.execPath, ['-e', PLANTED_APP, snapshotPath]);
  });
  afterAll(async () => {
    await door.close();
  });

  it('opens a real snapshot with progress and answers pages about the planted structure', async () => {
    const progress: SnapshotLoadProgressEvent[] = [];
    const stop = door.api.on('snapshotLoadProgress', (event) => progress.push(event));
    const snapshot = await door.api.call('openSnapshot', { path: snapshotPath });
    stop();
    const { snapshotId } = snapshot;
    expect(snapshot.nodeCount).toBeGreaterThan(30_000);
    expect(progress.some((event) => event.step === 'reading')).toBe(true);
    expect(progress.some((event) => event.step === 'dominators')).toBe(true);

    const [entry] = (await door.api.call('getSnapshotClasses', { snapshotId, filter: 'Entry', limit: 10 })).items.filter((r) => r.name === 'Entry');
    const [cache] = (await door.api.call('getSnapshotClasses', { snapshotId, filter: 'leakycache' })).items;
    expect(entry?.count).toBe(10_000);
    expect(cache?.name).toBe('LeakyCache');
    expect(cache?.count).toBe(1);
    // The cache keeps every entry alive: its retained size covers all of them.
    expect(cache!.retainedSizeBytes).toBeGreaterThanOrEqual(entry!.retainedSizeBytes);

    const byName = await door.api.call('getSnapshotClasses', { snapshotId, sortBy: 'name', ascending: true, limit: 5 });
    expect(byName.items.map((row) => row.name)).toEqual([...byName.items.map((row) => row.name)].sort((a, b) => a.localeCompare(b)));

    const top = await door.api.call('getTopRetainers', { snapshotId, limit: 5 });
    expect(top.some((row) => row.className === 'LeakyCache' || row.className === 'global')).toBe(true);
    const cacheObject = top.find((row) => row.className === 'LeakyCache') ?? (await findLeakyCache(snapshotId));
    expect(await door.api.call('getSnapshotObject', { snapshotId, id: cacheObject.id })).toMatchObject({ ordinal: cacheObject.ordinal });

    const edges = await door.api.call('getObjectEdges', { snapshotId, ordinal: cacheObject.ordinal, limit: 50 });
    expect(edges.items.some((edge) => edge.name === 'entries')).toBe(true);
    const entries = edges.items.find((edge) => edge.name === 'entries')!.node;
    const retainers = await door.api.call('getObjectRetainers', { snapshotId, ordinal: entries.ordinal });
    expect(retainers.items.some((edge) => edge.node.ordinal === cacheObject.ordinal)).toBe(true);

    const path = await door.api.call('getDominatorPath', { snapshotId, ordinal: entries.ordinal });
    expect(path[0]?.ordinal).toBe(entries.ordinal);
    expect(path.at(-1)?.ordinal).toBe(0); // V8 writes the synthetic root first
    expect(path.some((row) => row.ordinal === cacheObject.ordinal)).toBe(true);

    await door.api.call('closeSnapshot', { snapshotId });
    await expect(door.api.call('getTopRetainers', { snapshotId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  async function findLeakyCache(snapshotId: string) {
    const top = await door.api.call('getTopRetainers', { snapshotId, limit: 200 });
    return top.find((row) => row.className === 'LeakyCache')!;
  }

  it('says SNAPSHOT_PARSE for a truncated file and NOT_FOUND for a missing one', async () => {
    const truncated = join(door.root, 'truncated.heapsnapshot');
    await writeFile(truncated, '{"snapshot":{"meta":{"node_fields":["type"');
    await expect(door.api.call('openSnapshot', { path: truncated })).rejects.toMatchObject({ code: 'SNAPSHOT_PARSE' });
    await expect(door.api.call('openSnapshot', { path: join(door.root, 'missing.heapsnapshot') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('closing a snapshot while it opens cancels it', async () => {
    const opening = door.api.call('openSnapshot', { path: snapshotPath });
    opening.catch(() => undefined);
    const snapshotId = await new Promise<string>((resolve) => {
      const stop = door.api.on('snapshotLoadProgress', (event) => {
        stop();
        resolve(event.snapshotId);
      });
    });
    expect(await door.api.call('closeSnapshot', { snapshotId })).toEqual({ closed: true });
    await expect(opening).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('a worker that dies fails its calls with WORKER_CRASHED, and the next open works', async () => {
    // A real worker thread that opens fine, then dies on its first page request.
    const crashing = join(door.root, 'crashingWorker.js');
    await writeFile(
      crashing,
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ type: 'opened', result: { ok: true, value: { nodeCount: 1 } } });
       parentPort.on('message', () => process.exit(7));`,
    );
    const snapshots = new OpenSnapshots(crashing, new EventHub());
    const opened = await snapshots.open(snapshotPath);
    await expect(snapshots.call(opened.snapshotId, 'topRetainers', { limit: 1 })).rejects.toMatchObject({
      code: 'WORKER_CRASHED',
      message: expect.stringMatching(/open the snapshot again/),
    });
    await expect(snapshots.call(opened.snapshotId, 'topRetainers', { limit: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const again = await door.api.call('openSnapshot', { path: snapshotPath });
    expect((await door.api.call('getTopRetainers', { snapshotId: again.snapshotId, limit: 1 })).length).toBe(1);
  });
});
