import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/rpc/eventHub';
import { OpenSnapshots } from '../../src/main/snapshots/openSnapshots';
import type { HeapSnapshotModel } from '../../src/main/worker/model/heapSnapshotModel';
import { openSnapshotWithCache, type SnapshotLoadProgress } from '../../src/main/worker/openSnapshot';
import type { SnapshotLoadProgressEvent } from '../../src/shared/model/heapSnapshots';
import { SNAPSHOT_WORKER_PATH } from '../fixtures/builtWorker';

// A real V8 heap with classes, plain-object shapes (interface classes), strings and closures.
const APP = `
  class Entry { constructor(i) { this.key = 'key-' + i; this.payload = new Array(8).fill(i); } }
  class Registry { constructor() { this.entries = new Map(); this.handlers = []; } }
  globalThis.registry = new Registry();
  for (let i = 0; i < 3000; i++) globalThis.registry.entries.set(i, new Entry(i));
  for (let i = 0; i < 500; i++) globalThis.registry.handlers.push({ id: i, run: () => i, label: 'h' + i });
  globalThis.text = 'a'.repeat(1000) + Date.now();
  require('v8').writeHeapSnapshot(process.argv[1]);
`;

/** Everything a user can ask of an opened snapshot, for a handful of objects. */
function describeModel(model: HeapSnapshotModel) {
  const top = model.topRetainers(10);
  const ordinals = [...top.map((row) => row.ordinal), 1, Math.floor(model.nodeCount / 2), model.nodeCount - 1];
  return {
    summary: model.summary(),
    top,
    objects: ordinals.map((ordinal) => ({
      edges: model.edgesOf(ordinal, { limit: 30 }),
      retainers: model.retainersOf(ordinal, { limit: 30 }),
      dominatorPath: model.dominatorPath(ordinal),
      byId: model.nodeById(model.object(ordinal).id),
    })),
  };
}

describe('snapshot cache', () => {
  let dir: string;
  let path: string;
  const cachePath = () => `${path}.heapdeck-cache`;
  const tempFiles = async () => (await readdir(dir)).filter((name) => name.endsWith('.tmp'));

  async function openFresh(options: Parameters<typeof openSnapshotWithCache>[1] = {}) {
    const progress: SnapshotLoadProgress[] = [];
    const opened = await openSnapshotWithCache(path, { ...options, onProgress: (event) => progress.push(event) });
    return { ...opened, steps: new Set(progress.map((event) => (event.step === 'reading' && event.fromCache ? 'cache' : event.step))) };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heapdeck-cache-'));
    path = join(dir, 'app.heapsnapshot');
    execFileSync(process.execPath, ['-e', APP, path]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens from the cache on the second open with identical answers', async () => {
    const cold = await openFresh();
    expect(cold.fromCache).toBe(false);
    expect(existsSync(cachePath())).toBe(false);
    expect(await cold.saveCache()).toBe(true);
    expect(await tempFiles()).toEqual([]);
    expect((await stat(cachePath())).mode & 0o777).toBe(0o600);

    const warm = await openFresh();
    expect(warm.fromCache).toBe(true);
    expect([...warm.steps]).toEqual(['cache']);
    expect(describeModel(warm.model)).toEqual(describeModel(cold.model));
    expect(warm.model.summary().classes.some((row) => row.name === 'Entry' && row.count === 3000)).toBe(true);

    const skipped = await openFresh({ useCache: false });
    expect(skipped.fromCache).toBe(false);
    expect(skipped.steps.has('dominators')).toBe(true);
    expect(await skipped.saveCache()).toBe(false);
  });

  it('is invalidated by a new mtime, a new size or a changed header', async () => {
    const first = await openFresh();
    await first.saveCache();
    const reference = describeModel(first.model);
    const reopen = async () => {
      const opened = await openFresh();
      expect(opened.fromCache).toBe(false);
      expect(existsSync(cachePath())).toBe(false);
      expect(describeModel(opened.model)).toEqual(reference);
      expect(await opened.saveCache()).toBe(true);
      expect((await openFresh()).fromCache).toBe(true);
    };

    const later = new Date(Date.now() + 60_000);
    await utimes(path, later, later);
    await reopen();

    // JSON whitespace keeps the heap identical while changing the bytes.
    const original = await readFile(path, 'latin1');
    const newline = original.indexOf('\n', original.indexOf('"nodes":['));
    expect(newline).toBeGreaterThan(0);
    expect(newline).toBeLessThan(64 * 1024);
    const { mtimeMs } = await stat(path);
    await writeFile(path, original.slice(0, newline) + ' ' + original.slice(newline + 1), 'latin1');
    await utimes(path, later, later);
    expect((await stat(path)).mtimeMs).toBe(mtimeMs);
    await reopen();

    await writeFile(path, original.slice(0, newline) + '\n ' + original.slice(newline + 1), 'latin1');
    await reopen();
  });

  it('ignores, deletes and replaces a truncated or garbage cache', async () => {
    await (await openFresh()).saveCache();
    const fullBytes = (await stat(cachePath())).size;
    for (const damage of [
      () => truncate(cachePath(), Math.floor(fullBytes / 2)),
      () => truncate(cachePath(), fullBytes - 1),
      () => truncate(cachePath(), 30),
      () => writeFile(cachePath(), Buffer.from('garbage, not a cache at all')),
      () => writeFile(cachePath(), Buffer.concat([Buffer.from('heapdeck-cache\0\0\x10\0\0\0\0\0\0\0'), Buffer.from('{"magic":"heapdeck-cache"}')])),
    ]) {
      await damage();
      const opened = await openFresh();
      expect(opened.fromCache).toBe(false);
      expect(existsSync(cachePath())).toBe(false);
      expect(await opened.saveCache()).toBe(true);
      expect((await stat(cachePath())).size).toBe(fullBytes);
    }
    expect((await openFresh()).fromCache).toBe(true);
  });

  it('fails to write silently, leaving no temp file, and sweeps temps of dead writers', async () => {
    await rm(cachePath(), { force: true });
    // A directory where the cache belongs makes the final rename fail (chmod does not stop root).
    await mkdir(join(cachePath(), 'blocker'), { recursive: true });
    const blocked = await openFresh();
    expect(blocked.fromCache).toBe(false);
    expect(await blocked.saveCache()).toBe(false);
    expect(await tempFiles()).toEqual([]);
    await rm(cachePath(), { recursive: true });

    const stale = `${cachePath()}.1-deadbeef.tmp`;
    await writeFile(stale, 'half a cache');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await utimes(stale, longAgo, longAgo);
    expect(await (await openFresh()).saveCache()).toBe(true);
    expect(await tempFiles()).toEqual([]);
  });

  it('is written by the snapshot worker after it answers, and used by the next open', async () => {
    await rm(cachePath(), { force: true });
    const events: SnapshotLoadProgressEvent[] = [];
    const hub = new EventHub();
    hub.subscribe((name, payload) => {
      if (name === 'snapshotLoadProgress') events.push(payload as SnapshotLoadProgressEvent);
    });
    const snapshots = new OpenSnapshots(SNAPSHOT_WORKER_PATH, hub);
    try {
      const first = await snapshots.open(path);
      const firstTop = await snapshots.call(first.snapshotId, 'topRetainers', { limit: 5 });
      for (let waitedMs = 0; !existsSync(cachePath()) && waitedMs < 10_000; waitedMs += 50) await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(cachePath())).toBe(true);
      await snapshots.close(first.snapshotId);

      events.length = 0;
      const second = await snapshots.open(path);
      expect(events.some((event) => event.step === 'reading' && event.fromCache)).toBe(true);
      expect(events.some((event) => event.step === 'dominators')).toBe(false);
      expect(await snapshots.call(second.snapshotId, 'topRetainers', { limit: 5 })).toEqual(firstTop);
    } finally {
      await snapshots.closeAll();
    }
  });
});
