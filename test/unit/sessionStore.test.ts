import { cp, mkdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GcEvent, MemorySample } from '../../src/shared/model/metrics';
import type { TargetDescriptor } from '../../src/shared/model/targets';
import { createNdjsonAppender } from '../../src/main/sessions/ndjsonAppender';
import { createSessionRecorder } from '../../src/main/sessions/sessionRecorder';
import { createSessionStore } from '../../src/main/sessions/sessionStore';
import { tempHome } from '../fixtures/tempHome';

const TARGET: TargetDescriptor = { kind: 'node', title: 'app.js', url: 'file:///app.js', debuggerUrl: 'ws://127.0.0.1:9229/x', pid: 42 };
const T0 = Date.UTC(2026, 10, 23, 16, 12, 0);
const MB = 1024 * 1024;

function sample(i: number): MemorySample {
  // A saw-tooth with one tall spike, so downsampling has a shape to keep.
  const heapUsedBytes = i === 1234 ? 500 * MB : (20 + (i % 50)) * MB;
  return { watchId: 'w-1', timestampMs: T0 + i * 1000, heapUsedBytes, heapTotalBytes: 600 * MB, rssBytes: 700 * MB };
}

function gc(i: number): GcEvent {
  const major = i % 10 === 0;
  return { watchId: 'w-1', timestampMs: T0 + i * 1000 + 500, kind: major ? 'major' : 'minor', durationMs: major ? 9 : i / 10, forced: false };
}

async function lines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter(Boolean);
}

let home: Awaited<ReturnType<typeof tempHome>>;
let otherHome: Awaited<ReturnType<typeof tempHome>>;
beforeEach(async () => {
  home = await tempHome();
  otherHome = await tempHome();
});
afterEach(async () => {
  await home.remove();
  await otherHome.remove();
});

describe('session recorder', () => {
  it('writes session.json at once and every event as it arrives, then the end and counts', async () => {
    const recorder = await createSessionRecorder(home.root, TARGET, T0);
    expect(recorder.sessionId).toMatch(/^20261123-161200-[0-9a-f]{4}$/);
    expect(recorder.dir).toBe(join(home.root, 'sessions', recorder.sessionId));
    const started = JSON.parse(await readFile(join(recorder.dir, 'session.json'), 'utf8'));
    expect(started).toMatchObject({ sessionId: recorder.sessionId, target: TARGET, startedAtMs: T0, status: 'watching' });
    expect(started.endedAtMs).toBeUndefined();

    await recorder.appendSample(sample(0));
    // On disk as soon as the append resolved: nothing waits in memory for a batch.
    expect(await lines(join(recorder.dir, 'samples.ndjson'))).toHaveLength(1);
    await recorder.appendGc(gc(0));
    await recorder.appendAlert({ watchId: 'w-1', timestampMs: T0, kind: 'heap-warning', level: 'warning', message: 'high' });
    await recorder.appendLog({ watchId: 'w-1', timestampMs: T0, stream: 'stdout', text: 'hello' });
    expect(JSON.parse((await lines(join(recorder.dir, 'log.ndjson')))[0]!)).toMatchObject({ text: 'hello' });

    // Appends issued together keep their order.
    await Promise.all(Array.from({ length: 99 }, (_, i) => recorder.appendSample(sample(i + 1))));
    const times = (await lines(join(recorder.dir, 'samples.ndjson'))).map((line) => JSON.parse(line).timestampMs);
    expect(times).toEqual(Array.from({ length: 100 }, (_, i) => T0 + i * 1000));

    const store = createSessionStore(home.root);
    expect(await store.list()).toMatchObject([{ sessionId: recorder.sessionId, status: 'watching', sampleCount: 100, gcCount: 1, alertCount: 1 }]);

    const closed = await recorder.close('detached', 'stopped by the user');
    expect(closed).toMatchObject({ status: 'detached', endReason: 'stopped by the user', sampleCount: 100, gcCount: 1, alertCount: 1 });
    const ended = JSON.parse(await readFile(join(recorder.dir, 'session.json'), 'utf8'));
    expect(ended).toMatchObject({ status: 'detached', sampleCount: 100, gcCount: 1, alertCount: 1 });
    expect(ended.endedAtMs).toBeGreaterThanOrEqual(T0);
    expect(await recorder.close('target-exited')).toEqual(closed);
    await recorder.appendSample(sample(500));
    expect(await lines(join(recorder.dir, 'samples.ndjson'))).toHaveLength(100);
    expect(await store.list()).toMatchObject([{ status: 'detached', endedAtMs: ended.endedAtMs, sampleCount: 100 }]);
  });


  it('rejects an append the disk refuses, with a sentence that says what to check', async () => {
    // /dev/full answers every write with ENOSPC, as a full disk does.
    const appender = createNdjsonAppender('/dev/full');
    await expect(appender.append({ a: 1 })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/could not record to \/dev\/full.*disk has space/) });
    expect(appender.lineCount).toBe(0);
    await appender.close();
  });
});

describe('session store', () => {
  it('lists newest first', async () => {
    const older = await createSessionRecorder(home.root, TARGET, T0);
    const newer = await createSessionRecorder(home.root, { ...TARGET, title: 'newer' }, T0 + 60_000);
    await older.close('target-exited', 'process 42 ended');
    expect((await createSessionStore(home.root).list()).map((s) => s.sessionId)).toEqual([newer.sessionId, older.sessionId]);
    await newer.close('detached');
    expect(await createSessionStore(otherHome.root).list()).toEqual([]);
  });

  it('reports a session cut off by a crash as interrupted and reads it despite a torn last line', async () => {
    const recorder = await createSessionRecorder(home.root, TARGET, T0);
    for (let i = 0; i < 40; i++) await recorder.appendSample(sample(i));
    for (let i = 0; i < 5; i++) await recorder.appendGc(gc(i));
    // Another Heapdeck run's folder, left as a crash leaves it: no end, the last line cut in half.
    const crashedDir = join(otherHome.root, 'sessions', recorder.sessionId);
    await cp(recorder.dir, crashedDir, { recursive: true });
    await recorder.close('detached');
    const samplesPath = join(crashedDir, 'samples.ndjson');
    await truncate(samplesPath, (await stat(samplesPath)).size - 25);

    const store = createSessionStore(otherHome.root);
    const [summary] = await store.list();
    expect(summary).toMatchObject({ sessionId: recorder.sessionId, status: 'interrupted', sampleCount: 39, gcCount: 5, alertCount: 0 });
    expect(summary!.endedAtMs).toBeUndefined();
    expect(summary!.endReason).toMatch(/before it could close/);

    const series = await store.readSeries(recorder.sessionId, {});
    expect(series.totalSamples).toBe(39);
    expect(series.samples.map((s) => s.timestampMs)).toEqual(Array.from({ length: 39 }, (_, i) => T0 + i * 1000));
    expect(series.gcEvents).toHaveLength(5);
    expect(series.fromMs).toBe(T0);
    expect(series.toMs).toBe(T0 + 38_000);

    // Garbage in the middle of a file is skipped too.
    await writeFile(join(crashedDir, 'gc.ndjson'), `${JSON.stringify(gc(1))}\n{"broken\n${JSON.stringify(gc(2))}\n`);
    expect((await store.readSeries(recorder.sessionId)).gcEvents.map((g) => g.timestampMs)).toEqual([gc(1).timestampMs, gc(2).timestampMs]);
  });

  it('downsamples a window with LTTB and thins GC events to the majors and the longest minors', async () => {
    const recorder = await createSessionRecorder(home.root, TARGET, T0);
    for (let i = 0; i < 3000; i++) await recorder.appendSample(sample(i));
    for (let i = 0; i < 100; i++) await recorder.appendGc(gc(i));
    await recorder.appendAlert({ watchId: 'w-1', timestampMs: T0 + 2000_000, kind: 'leak-suspicion', level: 'warning', message: 'rising' });
    await recorder.close('detached');
    const store = createSessionStore(home.root);

    const all = await store.readSeries(recorder.sessionId, { maxPoints: 300 });
    expect(all.totalSamples).toBe(3000);
    expect(all.samples).toHaveLength(300);
    expect(all.samples[0]).toEqual(sample(0));
    expect(all.samples[299]).toEqual(sample(2999));
    expect(all.samples.map((s) => s.heapUsedBytes)).toContain(500 * MB);
    expect(all.samples.every((s, i) => i === 0 || s.timestampMs > all.samples[i - 1]!.timestampMs)).toBe(true);
    expect(all.gcEvents).toHaveLength(100);
    expect(all.alerts).toHaveLength(1);
    expect(all.toMs).toBe(all.session.endedAtMs);

    const window = await store.readSeries(recorder.sessionId, { fromMs: T0 + 1000_000, toMs: T0 + 1999_000, maxPoints: 20 });
    expect(window.totalSamples).toBe(1000);
    expect(window.samples).toHaveLength(20);
    expect(window.samples[0]!.timestampMs).toBe(T0 + 1000_000);
    expect(window.samples[19]!.timestampMs).toBe(T0 + 1999_000);
    expect(window.alerts).toEqual([]);
    expect([window.fromMs, window.toMs]).toEqual([T0 + 1000_000, T0 + 1999_000]);

    // 100 GCs, 10 of them major, room for 20: every major and the 10 longest minors.
    const thinned = await store.readSeries(recorder.sessionId, { maxPoints: 20 });
    expect(thinned.gcEvents).toHaveLength(20);
    expect(thinned.gcEvents.filter((g) => g.kind === 'major')).toHaveLength(10);
    const minorDurations = thinned.gcEvents.filter((g) => g.kind === 'minor').map((g) => g.durationMs);
    expect(Math.min(...minorDurations)).toBeGreaterThanOrEqual(8.9);
    expect(thinned.gcEvents.every((g, i) => i === 0 || g.timestampMs > thinned.gcEvents[i - 1]!.timestampMs)).toBe(true);

    await expect(store.readSeries(recorder.sessionId, { maxPoints: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(store.readSeries(recorder.sessionId, { fromMs: T0 + 10, toMs: T0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('reads a session while it is still recording', async () => {
    const recorder = await createSessionRecorder(home.root, TARGET, T0);
    for (let i = 0; i < 10; i++) await recorder.appendSample(sample(i));
    const series = await createSessionStore(home.root).readSeries(recorder.sessionId, { maxPoints: 5 });
    expect(series.session.status).toBe('watching');
    expect(series.totalSamples).toBe(10);
    expect(series.samples).toHaveLength(5);
    await recorder.close('detached');
  });

  it('deletes a closed session, refuses a live one, and says NOT_FOUND for a missing one', async () => {
    const live = await createSessionRecorder(home.root, TARGET, T0);
    const done = await createSessionRecorder(home.root, TARGET, T0 + 1000);
    await done.close('detached');
    const store = createSessionStore(home.root);

    await expect(store.delete(live.sessionId)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await store.delete(done.sessionId);
    await expect(stat(done.dir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await store.list()).map((s) => s.sessionId)).toEqual([live.sessionId]);
    await expect(store.delete(done.sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.readSeries(done.sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await live.close('detached');
  });

  it('rejects session ids that could leave the sessions folder', async () => {
    const outside = join(home.root, 'precious');
    await mkdir(outside);
    await writeFile(join(outside, 'session.json'), JSON.stringify({ startedAtMs: 1, target: TARGET }));
    const store = createSessionStore(home.root);
    for (const sessionId of ['../precious', '..', '', 'a/b', 'a\\b', '%2e%2e']) {
      await expect(store.delete(sessionId)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(store.readSeries(sessionId)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    expect((await stat(outside)).isDirectory()).toBe(true);
  });
});
