import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETAINER_NOISE, UNREACHABLE_DISTANCE_BASE, type ObjectFilter, type ObjectRow, type OpenedSnapshotInfo } from '../../src/shared/model/heapSnapshots';
import { startChromium } from '../fixtures/chromium';
import { inMemoryDoor, type DoorUnderTest } from '../fixtures/doors';

// A real Node heap with planted structures, written twice: `late` objects exist only in the second.
const PLANTED_APP = `
  const { EventEmitter } = require('node:events');
  const v8 = require('node:v8');
  class Entry { constructor(i) { this.key = 'entry-' + i; this.value = { n: i, data: new Array(8).fill(i) }; } }
  class LeakyCache { constructor() { this.entries = new Map(); } add(entry) { this.entries.set(entry.key, entry); } }
  class Payload { constructor(n) { this.data = new Array(32).fill(n); } }
  class WeakKey {}
  class WeakValue { constructor() { this.x = [1, 2, 3]; } }
  class Late {}
  globalThis.cache = new LeakyCache();
  for (let i = 0; i < 10000; i++) cache.add(new Entry(i));
  globalThis.emitter = new EventEmitter();
  function listenerFor(payload) { return function onTick() { return payload.data.length; }; }
  for (let i = 0; i < 3; i++) emitter.on('tick', listenerFor(new Payload(i)));
  emitter.once('done', listenerFor(new Payload(3)));
  const big = Buffer.alloc(20000, 'abcdefghij').toString('latin1');
  globalThis.slice = big.slice(5, 4000);
  globalThis.copies = [['planted', 'duplicate', 'value'].join('-'), ['planted', 'duplicate', 'value'].join('-')];
  globalThis.single = ['planted', 'single', 'value'].join('-');
  globalThis.weakKey = new WeakKey();
  // In a function of its own, so that no stack slot of the running script still holds the value.
  (function plantWeakMap() { globalThis.weakMap = new WeakMap(); weakMap.set(weakKey, new WeakValue()); })();
  globalThis.plantedClosure = function plantedClosure() { return slice.length; };
  v8.writeHeapSnapshot(process.argv[2]);
  globalThis.late = Array.from({ length: 500 }, () => new Late());
  v8.writeHeapSnapshot(process.argv[3]);
`;

const ALL_NOISE = [...RETAINER_NOISE];

describe('snapshot explorer over a real V8 heap', () => {
  let door: DoorUnderTest;
  let first: OpenedSnapshotInfo;
  let second: OpenedSnapshotInfo;
  let appPath: string;

  beforeAll(async () => {
    door = await inMemoryDoor();
    appPath = join(door.root, 'plantedApp.js');
    await writeFile(appPath, PLANTED_APP);
    const paths = [join(door.root, 'first.heapsnapshot'), join(door.root, 'second.heapsnapshot')];
    execFileSync(process.execPath, [appPath, ...paths]);
    const opened = await Promise.all(paths.map((path) => door.api.call('openSnapshot', { path })));
    [first, second] = [opened[0]!, opened[1]!];
  });
  afterAll(async () => {
    await door.close();
  });

  const classesOf = (snapshot: OpenedSnapshotInfo, name: string, objects?: ObjectFilter) =>
    door.api.call('getSnapshotClasses', { snapshotId: snapshot.snapshotId, filter: `^${name.replace(/[()]/g, '\\$&')}$`, regex: true, objects });
  const classNamed = async (snapshot: OpenedSnapshotInfo, name: string, objects?: ObjectFilter) => (await classesOf(snapshot, name, objects)).items[0];
  const allInstances = async (snapshot: OpenedSnapshotInfo, className: string, objects?: ObjectFilter) => {
    const row = await classNamed(snapshot, className, objects);
    if (!row) return [];
    return (await door.api.call('getClassInstances', { snapshotId: snapshot.snapshotId, classId: row.classId, limit: row.count, objects })).items;
  };

  it('counts the 10 000 planted entries in the summary and pages and sorts their instances', async () => {
    const { snapshotId } = first;
    const entry = (await classNamed(first, 'Entry'))!;
    expect(entry.count).toBe(10_000);
    const page = (offset: number, sortBy?: 'retainedSizeBytes' | 'selfSizeBytes' | 'distance' | 'id', ascending?: boolean) =>
      door.api.call('getClassInstances', { snapshotId, classId: entry.classId, offset, limit: 100, sortBy, ascending });
    const [firstPage, secondPage, lastPage] = await Promise.all([page(0), page(100), page(9_950)]);
    expect(firstPage.total).toBe(10_000);
    expect(firstPage.items).toHaveLength(100);
    expect(lastPage).toMatchObject({ offset: 9_950, total: 10_000 });
    expect(lastPage.items).toHaveLength(50);
    const all = (await door.api.call('getClassInstances', { snapshotId, classId: entry.classId, limit: 10_000 })).items;
    expect(new Set(all.map((row) => row.ordinal)).size).toBe(10_000);
    expect(all.every((row) => row.className === 'Entry')).toBe(true);
    expect([...firstPage.items, ...secondPage.items]).toEqual(all.slice(0, 200));
    expect(isSorted(all.map((row) => row.retainedSizeBytes), 'descending')).toBe(true);

    const bySelf = (await page(0, 'selfSizeBytes', true)).items.map((row) => row.selfSizeBytes);
    const byId = (await page(0, 'id', true)).items.map((row) => row.id);
    const byIdDown = (await page(0, 'id', false)).items.map((row) => row.id);
    const byDistance = (await page(0, 'distance', true)).items.map((row) => row.distance);
    expect(isSorted(bySelf, 'ascending')).toBe(true);
    expect(isSorted(byId, 'ascending')).toBe(true);
    expect(byId[0]).toBe(Math.min(...all.map((row) => row.id)));
    expect(byIdDown[0]).toBe(Math.max(...all.map((row) => row.id)));
    expect(isSorted(byDistance, 'ascending')).toBe(true);

    // The cache keeps every entry alive: its retained size covers theirs.
    const cache = (await classNamed(first, 'LeakyCache'))!;
    expect(cache.count).toBe(1);
    expect(cache.retainedSizeBytes).toBeGreaterThanOrEqual(all.reduce((sum, row) => sum + row.retainedSizeBytes, 0));
  });

  it('filters class names by regex and refuses a broken pattern', async () => {
    const rows = await door.api.call('getSnapshotClasses', { snapshotId: first.snapshotId, filter: '^(entry|leakycache)$', regex: true });
    expect(rows.items.map((row) => row.name).sort()).toEqual(['Entry', 'LeakyCache']);
    const substring = await door.api.call('getSnapshotClasses', { snapshotId: first.snapshotId, filter: 'leaky' });
    expect(substring.items.map((row) => row.name)).toEqual(['LeakyCache']);
    await expect(door.api.call('getSnapshotClasses', { snapshotId: first.snapshotId, filter: 'Entry(', regex: true })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('is not a valid regular expression'),
    });
  });

  it("an entry's retainers, nearest first with noise hidden, lead through LeakyCache; ignoring it cuts them off", async () => {
    const { snapshotId } = first;
    const [entry] = await allInstances(first, 'Entry');
    let current: ObjectRow = entry!;
    const path: string[] = [];
    for (let step = 0; step < 6 && current.className !== 'LeakyCache'; step++) {
      const retainers = await door.api.call('getObjectRetainers', { snapshotId, ordinal: current.ordinal, hide: ALL_NOISE });
      expect(isSorted(retainers.items.map((row) => row.node.distance), 'ascending')).toBe(true);
      current = retainers.items[0]!.node;
      path.push(current.className);
    }
    expect(path).toEqual(['(array)', 'Map', 'LeakyCache']);

    const cache = current;
    const before = await door.api.call('getObjectRetainers', { snapshotId, ordinal: entry!.ordinal, hide: ALL_NOISE });
    const after = await door.api.call('getObjectRetainers', { snapshotId, ordinal: entry!.ordinal, hide: ALL_NOISE, ignored: [cache.ordinal] });
    expect(before.items[0]!.node.distance).toBeLessThan(20);
    expect(after.items[0]!.node.ordinal).toBe(before.items[0]!.node.ordinal);
    expect(after.items[0]!.node.distance).toBeGreaterThanOrEqual(UNREACHABLE_DISTANCE_BASE);
  });

  it('the dominator tree: LeakyCache dominates its Map, children biggest first', async () => {
    const [cache] = await allInstances(first, 'LeakyCache');
    const children = await door.api.call('getDominatorChildren', { snapshotId: first.snapshotId, ordinal: cache!.ordinal });
    expect(children.items[0]?.className).toBe('Map');
    expect(isSorted(children.items.map((row) => row.retainedSizeBytes), 'descending')).toBe(true);
    const root = await door.api.call('getDominatorChildren', { snapshotId: first.snapshotId, ordinal: first.rootOrdinal, limit: 50 });
    expect(root.total).toBeGreaterThan(50);
    expect(isSorted(root.items.map((row) => row.retainedSizeBytes), 'descending')).toBe(true);
  });

  it('counts what weak references and WeakMap tables hide', async () => {
    const [value] = await allInstances(first, 'WeakValue');
    const clean = await door.api.call('getObjectRetainers', { snapshotId: first.snapshotId, ordinal: value!.ordinal, hide: ALL_NOISE });
    const everything = await door.api.call('getObjectRetainers', { snapshotId: first.snapshotId, ordinal: value!.ordinal });
    expect(clean.hidden).toMatchObject({ weak: 1, weakMapTable: 1 });
    expect(clean.items.map((row) => row.node.className)).toEqual(['WeakKey']);
    const hiddenCount = Object.values(clean.hidden).reduce((sum, count) => sum + count, 0);
    expect(everything.total).toBe(clean.total + hiddenCount);
    expect(everything.hidden).toEqual({ weak: 0, weakMapTable: 0, inspector: 0, internal: 0 });
  });

  it('details: a sliced string names its parent, a string shows its value, a closure its file', async () => {
    const { snapshotId } = first;
    const sliced = await allInstances(first, '(sliced string)');
    const details = await Promise.all(sliced.map((row) => door.api.call('getObjectDetails', { snapshotId, ordinal: row.ordinal })));
    const planted = details.find((detail) => detail.slicedParent?.name.startsWith('abcdefghij'));
    expect(planted?.slicedParent?.selfSizeBytes).toBeGreaterThanOrEqual(20_000);
    expect(planted?.string).toBeUndefined();

    const parent = await door.api.call('getObjectDetails', { snapshotId, ordinal: planted!.slicedParent!.ordinal });
    // V8 records the first 1024 characters of the 20 000.
    expect(parent.string).toEqual({ value: 'abcdefghij'.repeat(103).slice(0, 1024), length: 1024, truncated: true });

    const closures = await allInstances(first, 'Function');
    const closure = closures.find((row) => row.name === 'plantedClosure')!;
    const location = (await door.api.call('getObjectDetails', { snapshotId, ordinal: closure.ordinal })).location;
    const line = PLANTED_APP.split('\n').findIndex((text) => text.includes('function plantedClosure'));
    expect(location).toMatchObject({ scriptName: appPath, line });
  });

  it('presets: event handlers, duplicated strings, objects allocated between two snapshots', async () => {
    expect((await classNamed(first, 'Payload', { preset: 'eventHandlers' }))?.count).toBe(4);
    expect(await classNamed(first, 'Entry', { preset: 'eventHandlers' })).toBeUndefined();

    const duplicated = await allInstances(first, '(string)', { preset: 'duplicatedStrings' });
    expect(duplicated.filter((row) => row.name === 'planted-duplicate-value')).toHaveLength(2);
    expect(duplicated.some((row) => row.name === 'planted-single-value')).toBe(false);
    expect((await allInstances(first, '(string)')).some((row) => row.name === 'planted-single-value')).toBe(true);

    const allocatedAfterFirst: ObjectFilter = { idRange: { afterId: first.maxObjectId, upToId: second.maxObjectId } };
    expect((await classNamed(second, 'Late', allocatedAfterFirst))?.count).toBe(500);
    expect(await classNamed(second, 'Entry', allocatedAfterFirst)).toBeUndefined();
    expect((await classNamed(second, 'Entry'))?.count).toBe(10_000);
    const late = await allInstances(second, 'Late', allocatedAfterFirst);
    expect(late.every((row) => row.id > first.maxObjectId)).toBe(true);
  });
});

describe('snapshot explorer over a real Chromium page', () => {
  const PAGE = `<title>explorer</title><button id=b>x</button><script>
    class ClickPayload { constructor() { this.x = new Array(32).fill(1); } }
    class DetachedPayload { constructor() { this.y = new Array(32).fill(2); } }
    (function () { const p = new ClickPayload(); document.getElementById('b').addEventListener('click', function onClick() { return p.x.length; }); })();
    window.detached = document.createElement('div');
    window.detached.appendChild(document.createElement('span'));
    (function () { const q = new DetachedPayload(); window.detached.addEventListener('click', () => q.y.length); })();
  </script>`;

  it('finds the detached DOM nodes and what event listeners keep alive', async () => {
    const [door, chromium] = await Promise.all([inMemoryDoor(), startChromium(`data:text/html,${encodeURIComponent(PAGE)}`)]);
    try {
      const watch = await door.api.call('attach', { request: { by: 'endpoint', endpoint: chromium.endpoint, match: 'explorer' } });
      const file = await door.api.call('takeSnapshot', { watchId: watch.watchId, path: join(door.root, 'page.heapsnapshot') });
      const { snapshotId } = await door.api.call('openSnapshot', { path: file.path });
      const names = async (objects: ObjectFilter) =>
        Object.fromEntries((await door.api.call('getSnapshotClasses', { snapshotId, objects, limit: 500 })).items.map((row) => [row.name, row.count]));
      const detached = await names({ preset: 'detached' });
      expect(detached).toMatchObject({ 'Detached <div>': 1, 'Detached <span>': 1 });
      expect(Object.keys(detached).every((name) => name.startsWith('Detached '))).toBe(true);
      const handlers = await names({ preset: 'eventHandlers' });
      expect(handlers).toMatchObject({ ClickPayload: 1, DetachedPayload: 1 });
    } finally {
      await chromium.close();
      await door.close();
    }
  });
});

function isSorted(values: number[], direction: 'ascending' | 'descending'): boolean {
  return values.every((value, k) => k === 0 || (direction === 'ascending' ? values[k - 1]! <= value : values[k - 1]! >= value));
}
