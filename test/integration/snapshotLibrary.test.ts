import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/shared/contract/client';
import type { SnapshotEntry } from '../../src/shared/model/snapshotLibrary';
import { createServices, type ServicesOptions } from '../../src/main/services';
import { SNAPSHOT_WORKER_PATH } from '../fixtures/builtWorker';
import { doorPerTest } from '../fixtures/doorPerTest';
import { IDLE_TARGET } from '../fixtures/nodeTarget';

const LIBRARY_FILE = 'snapshot-library.json';

describe('snapshot library', () => {
  const { api, root, startTarget } = doorPerTest();
  // Files from elsewhere (a download folder, say): outside the data folder.
  let outside: string;
  // A real V8 snapshot of a bare Node process (a few MB), copied wherever a test needs one.
  let written: string;

  beforeAll(async () => {
    outside = await mkdtemp(join(tmpdir(), 'heapdeck-library-'));
    written = join(outside, 'written.heapsnapshot');
    execFileSync(process.execPath, ['-e', `require('v8').writeHeapSnapshot(process.argv[1])`, written]);
  });
  afterAll(async () => {
    await rm(outside, { recursive: true, force: true });
  });

  /** A fresh copy of the real snapshot under `name` in the outside folder. */
  async function snapshotFile(name: string): Promise<string> {
    const path = join(outside, name);
    await copyFile(written, path);
    return path;
  }

  function listed(): SnapshotEntry[] {
    const events: SnapshotEntry[] = [];
    api.on('snapshotListed', (entry) => events.push(entry));
    return events;
  }

  const entryAt = async (path: string) => (await api.call('listSnapshots', {})).find((entry) => entry.path === path);

  /** Services of their own over the current test's data folder, as after a restart. */
  async function withServices<T>(use: (api: ApiClient) => Promise<T>, options: Partial<ServicesOptions> = {}): Promise<T> {
    const services = await createServices(root(), { snapshotWorkerPath: SNAPSHOT_WORKER_PATH, ...options });
    try {
      return await use(createApiClient(services.door));
    } finally {
      await services.shutdown();
    }
  }

  async function attachIdleTarget() {
    const target = await startTarget(IDLE_TARGET, { inspect: true });
    await target.waitForOutput(/ready/);
    return api.call('attach', { request: { by: 'url', url: target.webSocketUrl! } });
  }

  it('lists a capture with its session and target and announces it; captures in progress are left out', async () => {
    const watch = await attachIdleTarget();
    const events = listed();
    const file = await api.call('takeSnapshot', { watchId: watch.watchId, options: { collectGarbageFirst: false } });
    // What a capture still streaming looks like on disk.
    await writeFile(`${file.path.replace('.heapsnapshot', '-next.heapsnapshot')}.partial`, '{"snapshot":');

    const entries = await api.call('listSnapshots', {});
    expect(entries).toEqual([
      expect.objectContaining({ path: file.path, source: 'session', sessionId: watch.sessionId, sizeBytes: file.sizeBytes, missing: false }),
    ]);
    expect(entries[0]!.target).toEqual(watch.target);
    expect(entries[0]!.takenAtMs).toBeGreaterThanOrEqual(file.takenAtMs - 1);
    expect(entries[0]!.takenAtMs).toBeLessThanOrEqual(file.takenAtMs + file.durationMs + 1);
    expect(events).toEqual([entries[0]]);
  });

  it('a capture saved to a chosen path keeps its session and target; with analyze it has its counts', async () => {
    const watch = await attachIdleTarget();
    const events = listed();
    const path = join(outside, 'chosen.heapsnapshot');
    const file = await api.call('takeSnapshot', { watchId: watch.watchId, path, options: { collectGarbageFirst: false, analyze: true } });
    expect(file.snapshot).toBeDefined();

    const entry = await entryAt(path);
    expect(entry).toMatchObject({
      source: 'imported',
      sessionId: watch.sessionId,
      target: watch.target,
      takenAtMs: file.takenAtMs + file.durationMs,
      nodeCount: file.snapshot!.nodeCount,
      totalSizeBytes: file.snapshot!.totalSizeBytes,
    });
    expect(events.at(-1)).toEqual(entry);
  });

  it('imports a snapshot; a rename is kept across a restart and the file keeps its name', async () => {
    const path = await snapshotFile('imported.heapsnapshot');
    const events = listed();
    const imported = await api.call('importSnapshot', { path });
    const info = await stat(path);
    expect(imported).toEqual({ path, name: 'imported', source: 'imported', takenAtMs: Math.floor(info.mtimeMs), sizeBytes: info.size, missing: false });
    expect(events).toEqual([imported]);
    // Importing again changes nothing.
    await api.call('importSnapshot', { path });
    expect(await api.call('listSnapshots', {})).toEqual([imported]);

    const renamed = await api.call('renameSnapshot', { path, name: '  Before the leak  ' });
    expect(renamed.name).toBe('Before the leak');
    expect(events.at(-1)).toEqual(renamed);
    expect(existsSync(path)).toBe(true);

    const afterRestart = await withServices((again) => again.call('listSnapshots', {}));
    expect(afterRestart).toEqual([renamed]);

    await expect(api.call('renameSnapshot', { path, name: '   ' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(api.call('renameSnapshot', { path, name: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(api.call('renameSnapshot', { path: join(outside, 'unknown.heapsnapshot'), name: 'x' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/not in the snapshot library/),
    });
  });

  it('import refuses what is not a heap snapshot file, with the reason', async () => {
    const notSnapshot = join(outside, 'data.heapsnapshot');
    await writeFile(notSnapshot, '{"nodes": [1, 2, 3]}');
    await expect(api.call('importSnapshot', { path: notSnapshot })).rejects.toMatchObject({ code: 'SNAPSHOT_PARSE' });
    const empty = join(outside, 'empty.heapsnapshot');
    await writeFile(empty, '');
    await expect(api.call('importSnapshot', { path: empty })).rejects.toMatchObject({ code: 'SNAPSHOT_PARSE' });
    const wrongExtension = join(outside, 'written.json');
    await copyFile(written, wrongExtension);
    await expect(api.call('importSnapshot', { path: wrongExtension })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/\.heapsnapshot/) });
    await expect(api.call('importSnapshot', { path: join(outside, 'absent.heapsnapshot') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const folder = join(outside, 'folder.heapsnapshot');
    await mkdir(folder, { recursive: true });
    await expect(api.call('importSnapshot', { path: folder })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await api.call('listSnapshots', {})).toEqual([]);
  });

  it('opening a file makes it a recent file with its counts; counts of a rewritten file are dropped', async () => {
    const path = await snapshotFile('opened.heapsnapshot');
    const events = listed();
    const before = Date.now();
    const snapshot = await api.call('openSnapshot', { path });
    await api.call('closeSnapshot', { snapshotId: snapshot.snapshotId });

    const entry = await entryAt(path);
    expect(entry).toMatchObject({ source: 'imported', nodeCount: snapshot.nodeCount, totalSizeBytes: snapshot.totalSizeBytes, missing: false });
    expect(entry!.lastOpenedAtMs).toBeGreaterThanOrEqual(before);
    expect(entry!.lastOpenedAtMs).toBeLessThanOrEqual(Date.now());
    expect(events).toEqual([entry]);

    await appendFile(path, '\n');
    const rewritten = await entryAt(path);
    expect(rewritten?.nodeCount).toBeUndefined();
    expect(rewritten?.totalSizeBytes).toBeUndefined();
    expect(rewritten?.lastOpenedAtMs).toBe(entry!.lastOpenedAtMs);
  });

  it('deleting a session snapshot closes it and deletes the file and its analysis cache', async () => {
    const watch = await attachIdleTarget();
    const file = await api.call('takeSnapshot', { watchId: watch.watchId, options: { collectGarbageFirst: false } });
    const snapshot = await api.call('openSnapshot', { path: file.path });
    const cachePath = `${file.path}.heapdeck-cache`;
    await expect.poll(() => existsSync(cachePath), { timeout: 20_000 }).toBe(true);

    expect(await api.call('deleteSnapshot', { path: file.path })).toEqual({ deleted: true });
    expect(existsSync(file.path)).toBe(false);
    expect(existsSync(cachePath)).toBe(false);
    expect(await api.call('listSnapshots', {})).toEqual([]);
    await expect(api.call('getTopRetainers', { snapshotId: snapshot.snapshotId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.call('deleteSnapshot', { path: file.path })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('deleting an imported snapshot forgets it, and deletes the file only when asked', async () => {
    const kept = await snapshotFile('kept.heapsnapshot');
    const removed = await snapshotFile('removed.heapsnapshot');
    await api.call('importSnapshot', { path: kept });
    await api.call('importSnapshot', { path: removed });
    const opened = await api.call('openSnapshot', { path: removed });
    await api.call('closeSnapshot', { snapshotId: opened.snapshotId });
    expect(existsSync(`${removed}.heapdeck-cache`)).toBe(true);

    await api.call('deleteSnapshot', { path: kept });
    await api.call('deleteSnapshot', { path: removed, deleteFile: true });
    expect(await api.call('listSnapshots', {})).toEqual([]);
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(removed)).toBe(false);
    expect(existsSync(`${removed}.heapdeck-cache`)).toBe(false);
    await expect(api.call('deleteSnapshot', { path: written })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('exports a copy to a new file and refuses to overwrite; a failed copy leaves nothing', async () => {
    const path = await snapshotFile('source.heapsnapshot');
    await api.call('importSnapshot', { path });
    const destination = join(outside, 'exports', 'copy.heapsnapshot');
    await mkdir(join(outside, 'exports'), { recursive: true });

    const copy = await api.call('exportSnapshot', { path, destination });
    expect(copy).toEqual({ path: destination, sizeBytes: (await stat(path)).size });
    expect((await readFile(destination)).equals(await readFile(path))).toBe(true);

    await expect(api.call('exportSnapshot', { path, destination })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/already exists/) });
    await expect(api.call('exportSnapshot', { path, destination: 'relative.heapsnapshot' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(api.call('exportSnapshot', { path, destination: join(outside, 'exports', 'copy.json') })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(api.call('exportSnapshot', { path, destination: join(outside, 'no-such-folder', 'copy.heapsnapshot') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readdir(join(outside, 'exports'))).toEqual(['copy.heapsnapshot']);
    expect(await api.call('listSnapshots', {})).toHaveLength(1);
  });

  it('a file deleted outside Heapdeck shows as missing and can still be renamed and forgotten', async () => {
    const path = await snapshotFile('vanishing.heapsnapshot');
    const imported = await api.call('importSnapshot', { path });
    await rm(path);

    const entry = await entryAt(path);
    expect(entry).toEqual({ ...imported, missing: true });
    expect(await api.call('revealSnapshot', { path })).toEqual({ revealed: false, path });
    await expect(api.call('exportSnapshot', { path, destination: join(outside, 'never.heapsnapshot') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await api.call('renameSnapshot', { path, name: 'gone' })).missing).toBe(true);
    await api.call('deleteSnapshot', { path });
    expect(await api.call('listSnapshots', {})).toEqual([]);
  });

  it('reveal asks the shell when it can, and only says where the file is when it cannot', async () => {
    const path = await snapshotFile('revealed.heapsnapshot');
    await api.call('importSnapshot', { path });
    expect(await api.call('revealSnapshot', { path })).toEqual({ revealed: false, path });
    const asked: string[] = [];
    const revealFile = async (file: string) => asked.push(file) > 0;
    expect(await withServices((shell) => shell.call('revealSnapshot', { path }), { revealFile })).toEqual({ revealed: true, path });
    expect(asked).toEqual([path]);
  });

  it('a damaged library file is set aside and the library starts again', async () => {
    const damaged = '{"formatVersion": 1, "snapshots": [{"path": "/a.heapsnap';
    await writeFile(join(root(), LIBRARY_FILE), damaged);
    expect(await api.call('listSnapshots', {})).toEqual([]);
    expect(await readFile(join(root(), `${LIBRARY_FILE}.corrupt`), 'utf8')).toBe(damaged);

    const path = await snapshotFile('after-damage.heapsnapshot');
    await api.call('importSnapshot', { path });
    const saved = JSON.parse(await readFile(join(root(), LIBRARY_FILE), 'utf8'));
    expect(saved.snapshots.map((record: { path: string }) => record.path)).toEqual([path]);
    // A bad record among good ones costs that record only.
    saved.snapshots.push({ path: 'relative.heapsnapshot' }, { name: 'no path' });
    await writeFile(join(root(), LIBRARY_FILE), JSON.stringify(saved));
    expect((await api.call('listSnapshots', {})).map((entry) => entry.path)).toEqual([path]);
  });
});
