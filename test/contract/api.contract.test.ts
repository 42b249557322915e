import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvents, EventName } from '../../src/shared/contract/api';
import type { ApiClient } from '../../src/shared/contract/client';
import { HeapdeckError } from '../../src/shared/contract/errors';
import { IDLE_TARGET, startNodeTarget, type NodeTarget } from '../fixtures/nodeTarget';
import { inMemoryDoor, webSocketDoor, type DoorUnderTest } from '../fixtures/doors';
import { SnapshotBuilder } from '../fixtures/snapshotBuilder';

/** Waits for the first event of a kind that matches. */
function nextEvent<E extends EventName>(api: ApiClient, event: E, match: (payload: ApiEvents[E]) => boolean, timeoutMs = 10_000) {
  return new Promise<ApiEvents[E]>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${event} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = api.on(event, (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      stop();
      resolve(payload);
    });
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HeapdeckError);
    return (error as HeapdeckError).code;
  }
  throw new Error('expected the call to fail');
}

// The same suite runs over every door, so a code or event that one door loses shows up here.
describe.each([
  ['in-memory dispatcher', inMemoryDoor],
  ['serve WebSocket', webSocketDoor],
])('API contract over the %s', (_name, openDoor) => {
  let door: DoorUnderTest;
  let target: NodeTarget;

  beforeAll(async () => {
    [door, target] = await Promise.all([openDoor(), startNodeTarget(IDLE_TARGET, { inspect: true })]);
  });
  afterAll(async () => {
    await door?.close();
    await target?.kill();
  });

  it('keeps error codes: unknown method, bad params, unknown watch', async () => {
    const call = door.api.call as (method: string, params: unknown) => Promise<unknown>;
    expect(await codeOf(call('noSuchMethod', {}))).toBe('NOT_FOUND');
    expect(await codeOf(call('listWatches', 'not an object'))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(door.api.call('detach', { watchId: 'w-missing' }))).toBe('NOT_FOUND');
    expect(await codeOf(door.api.call('attach', { request: { by: 'url', url: 'not a url' } }))).toBe('INVALID_ARGUMENT');
  });

  it('lists a running Node target on its endpoint', async () => {
    const listing = await door.api.call('listTargets', { endpoints: [`127.0.0.1:${target.port}`] });
    const endpoint = listing.endpoints.find((e) => e.endpoint === `127.0.0.1:${target.port}`);
    expect(endpoint?.reachable).toBe(true);
    expect(endpoint?.targets[0]?.kind).toBe('node');
    expect(listing.processes.some((p) => p.pid === target.pid)).toBe(true);
  });

  it('attaches, streams samples, forces a GC, changes interval, detaches and keeps the session', async () => {
    const firstSample = nextEvent(door.api, 'sample', () => true);
    const watch = await door.api.call('attach', { request: { by: 'url', url: target.webSocketUrl! }, intervalMs: 250 });
    expect(watch.status).toBe('watching');
    expect(watch.target.kind).toBe('node');
    expect(watch.target.pid).toBe(target.pid);

    const sample = await firstSample;
    expect(sample.watchId).toBe(watch.watchId);
    expect(sample.heapUsedBytes).toBeGreaterThan(0);
    expect(sample.rssBytes).toBeGreaterThan(sample.heapUsedBytes);

    const gcEvent = nextEvent(door.api, 'gc', (gc) => gc.watchId === watch.watchId && gc.forced);
    const { gc } = await door.api.call('collectGarbage', { watchId: watch.watchId });
    expect(gc?.forced).toBe(true);
    expect((await gcEvent).timestampMs).toBe(gc?.timestampMs);

    expect(await codeOf(door.api.call('setSampleInterval', { watchId: watch.watchId, intervalMs: 10 }))).toBe('INVALID_ARGUMENT');
    expect((await door.api.call('setSampleInterval', { watchId: watch.watchId, intervalMs: 500 })).intervalMs).toBe(500);

    const ended = nextEvent(door.api, 'watchStatus', (e) => e.watchId === watch.watchId);
    const detached = await door.api.call('detach', { watchId: watch.watchId });
    expect(detached.status).toBe('detached');
    expect((await ended).status).toBe('detached');

    const sessions = await door.api.call('listSessions', {});
    const session = sessions.find((s) => s.sessionId === watch.sessionId);
    expect(session?.status).toBe('detached');
    expect(session?.gcCount).toBeGreaterThanOrEqual(1);
    const series = await door.api.call('getSessionSeries', { sessionId: watch.sessionId });
    expect(series.samples.length).toBe(session?.sampleCount);
    expect(series.gcEvents.some((g) => g.forced)).toBe(true);
  });

  it('validates and keeps alert settings', async () => {
    expect(await codeOf(door.api.call('setAlertSettings', { settings: { warningShare: 0.95, criticalShare: 0.9 } }))).toBe('INVALID_ARGUMENT');
    const saved = await door.api.call('setAlertSettings', { settings: { warningShare: 0.5 } });
    expect(saved.warningShare).toBe(0.5);
    expect((await door.api.call('getAlertSettings', {})).warningShare).toBe(0.5);
  });

  it('serves the snapshot explorer by page and keeps its error codes', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 8 });
    const item = b.node({ name: 'Item', selfSize: 16 });
    const text = b.node({ type: 'string', name: 'hello', selfSize: 24 });
    b.edge(b.root, global, 'shortcut', 'global').edge(global, item, 'property', 'item').edge(item, text, 'property', 'text');
    const { snapshotId, rootOrdinal } = await door.api.call('openSnapshot', { path: await b.write(join(door.root, 'tiny.heapsnapshot')) });
    const [row] = (await door.api.call('getSnapshotClasses', { snapshotId, filter: '^item$', regex: true })).items;
    expect((await door.api.call('getClassInstances', { snapshotId, classId: row!.classId })).items.map((r) => r.ordinal)).toEqual([item]);
    expect((await door.api.call('getDominatorChildren', { snapshotId, ordinal: rootOrdinal })).items.map((r) => r.ordinal)).toEqual([global]);
    const retainers = await door.api.call('getObjectRetainers', { snapshotId, ordinal: item, hide: ['internal'] });
    expect(retainers.items.map((r) => r.node.ordinal)).toEqual([global]);
    expect((await door.api.call('getObjectDetails', { snapshotId, ordinal: text })).string?.value).toBe('hello');
    expect(await codeOf(door.api.call('getSnapshotClasses', { snapshotId, filter: '(', regex: true }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(door.api.call('getClassInstances', { snapshotId, classId: 9999 }))).toBe('NOT_FOUND');
    await door.api.call('closeSnapshot', { snapshotId });
  });
});
