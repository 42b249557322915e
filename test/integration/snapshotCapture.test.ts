import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SnapshotProgress } from '../../src/shared/model/snapshots';
import { startChromium } from '../fixtures/chromium';
import { doorPerTest } from '../fixtures/doorPerTest';
import { IDLE_TARGET, type NodeTarget } from '../fixtures/nodeTarget';
import { runCliIn } from '../fixtures/cliRunner';

// ~400 000 small objects: a capture of a second or more, long enough to interrupt.
const BIG_HEAP_TARGET = `globalThis.keep = Array.from({ length: 400000 }, (_, i) => ({ i, name: 'entry' + i })); console.log('ready'); setInterval(() => {}, 1000);`;

describe('heap snapshot capture', () => {
  const { api, root, startTarget } = doorPerTest();
  let target: NodeTarget | undefined;

  async function attachNode(source: string) {
    target = await startTarget(source, { inspect: true });
    await target.waitForOutput(/ready/);
    return api.call('attach', { request: { by: 'url', url: target.webSocketUrl! }, intervalMs: 250 });
  }

  it('streams a Node snapshot into the session folder with progress, and sampling goes on after', async () => {
    const watch = await attachNode(IDLE_TARGET);
    const progress: SnapshotProgress[] = [];
    api.on('snapshotProgress', (event) => progress.push(event));
    const file = await api.call('takeSnapshot', { watchId: watch.watchId });

    expect(file.path).toContain(join(root(), 'sessions', watch.sessionId, 'snapshots'));
    expect((await stat(file.path)).size).toBe(file.sizeBytes);
    const snapshot = JSON.parse(await readFile(file.path, 'utf8'));
    expect(snapshot.snapshot.node_count).toBeGreaterThan(1000);
    expect(snapshot.nodes.length).toBe(snapshot.snapshot.node_count * snapshot.snapshot.meta.node_fields.length);
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['gc', 'capture', 'done']));
    expect(progress.every((p) => p.watchId === watch.watchId)).toBe(true);

    const after = await new Promise((resolve) => {
      const stop = api.on('sample', (sample) => {
        if (sample.watchId === watch.watchId && sample.timestampMs > file.takenAtMs + file.durationMs) resolve(stop());
      });
    });
    expect(after).toBe(true);
  });

  it('with analyze, the snapshot is analysed while it streams and is open when the capture ends', async () => {
    const watch = await attachNode(BIG_HEAP_TARGET);
    const reading: number[] = [];
    const capturing: number[] = [];
    api.on('snapshotLoadProgress', (event) => event.step === 'reading' && reading.push(Date.now()));
    api.on('snapshotProgress', (event) => event.phase === 'write' && capturing.push(Date.now()));
    const file = await api.call('takeSnapshot', { watchId: watch.watchId, options: { analyze: true, collectGarbageFirst: false } });

    expect(file.analysisError).toBeUndefined();
    const written = JSON.parse(await readFile(file.path, 'utf8'));
    expect(file.snapshot?.nodeCount).toBe(written.snapshot.node_count);
    expect(file.snapshot?.edgeCount).toBe(written.snapshot.edge_count);
    // Parsing began before the last chunk was written: the two ran side by side.
    expect(Math.min(...reading)).toBeLessThan(Math.max(...capturing));
    // The 400 000 planted `{ i, name }` objects, named by shape as DevTools does: `i` is a small
    // integer, which a snapshot records as no object, so the shape shows as {name}.
    const [planted] = (await api.call('getSnapshotClasses', { snapshotId: file.snapshot!.snapshotId, filter: '{name}' })).items;
    expect(planted?.name).toBe('{name}');
    expect(planted?.count).toBeGreaterThanOrEqual(400_000);
  });

  it('captures a Chromium page', async () => {
    const chromium = await startChromium('data:text/html,<title>snap</title><p id=marker>hello</p>');
    try {
      const watch = await api.call('attach', { request: { by: 'endpoint', endpoint: chromium.endpoint, match: 'snap' } });
      const file = await api.call('takeSnapshot', { watchId: watch.watchId, options: { collectGarbageFirst: false } });
      const snapshot = JSON.parse(await readFile(file.path, 'utf8'));
      expect(snapshot.strings).toContain('HTMLParagraphElement');
    } finally {
      await chromium.close();
    }
  });

  it('cancel deletes the partial file', async () => {
    const watch = await attachNode(BIG_HEAP_TARGET);
    const firstProgress = new Promise<void>((resolve) => api.on('snapshotProgress', (p) => p.phase === 'capture' && resolve()));
    const taking = api.call('takeSnapshot', { watchId: watch.watchId, options: { collectGarbageFirst: false } });
    taking.catch(() => undefined); // it rejects while the test is busy cancelling; asserted below
    await firstProgress;
    expect(await api.call('cancelSnapshot', { watchId: watch.watchId })).toEqual({ cancelled: true });
    await expect(taking).rejects.toMatchObject({ code: 'CANCELLED', message: expect.stringMatching(/deleted/) });
    await expect.poll(() => snapshotFiles(watch.sessionId)).toEqual([]);
    expect(await api.call('cancelSnapshot', { watchId: watch.watchId })).toEqual({ cancelled: false });
  });

  it('a target that dies mid-capture leaves no file behind that looks whole', async () => {
    const watch = await attachNode(BIG_HEAP_TARGET);
    const firstProgress = new Promise<void>((resolve) => api.on('snapshotProgress', (p) => p.phase === 'capture' && resolve()));
    const taking = api.call('takeSnapshot', { watchId: watch.watchId, options: { collectGarbageFirst: false } });
    taking.catch(() => undefined); // it rejects while the test is busy killing the target; asserted below
    await firstProgress;
    await target!.kill();
    await expect(taking).rejects.toMatchObject({ code: 'TARGET_DETACHED', message: expect.stringMatching(/went away.*deleted/s) });
    expect(await snapshotFiles(watch.sessionId)).toEqual([]);
  });

  it('refuses a relative or existing path', async () => {
    const watch = await attachNode(IDLE_TARGET);
    await expect(api.call('takeSnapshot', { watchId: watch.watchId, path: 'relative.heapsnapshot' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const first = await api.call('takeSnapshot', { watchId: watch.watchId, path: join(root(), 'a.heapsnapshot') });
    await expect(api.call('takeSnapshot', { watchId: watch.watchId, path: first.path })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/already exists/),
    });
  });

  it('heapdeck snapshot <target> -o <file> saves a snapshot', async () => {
    target = await startTarget(IDLE_TARGET, { inspect: true });
    const path = join(root(), 'cli.heapsnapshot');
    const run = await runCliIn(root(), ['snapshot', `127.0.0.1:${target.port}`, '-o', path]);
    const { code } = run;
    const out = [...run.out, ...run.err];
    expect(code, out.join('\n')).toBe(0);
    expect(out.join('\n')).toMatch(/Saved .*cli\.heapsnapshot/);
    expect(JSON.parse(await readFile(path, 'utf8')).snapshot.node_count).toBeGreaterThan(0);
  });

  async function snapshotFiles(sessionId: string): Promise<string[]> {
    return readdir(join(root(), 'sessions', sessionId, 'snapshots')).catch(() => []);
  }
});
