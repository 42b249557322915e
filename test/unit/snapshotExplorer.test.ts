import { Readable } from 'node:stream';
import { parse as parseWithDevTools } from 'heap-snapshot-toolkit';
import { describe, expect, it } from 'vitest';
import { RETAINER_NOISE, UNREACHABLE_DISTANCE_BASE, type ObjectFilter } from '../../src/shared/model/heapSnapshots';
import type { HeapSnapshotModel } from '../../src/main/worker/model/heapSnapshotModel';
import { loadSnapshot } from '../../src/main/worker/openSnapshot';
import { SnapshotBuilder, chunksOf } from '../fixtures/snapshotBuilder';

interface DevToolsAggregate {
  count: number;
  self: number;
  maxRet: number;
}
interface DevToolsSnapshot {
  aggregatesWithFilter(filter: { minNodeId?: number; maxNodeId?: number; filterName?: string }): Record<string, DevToolsAggregate>;
}

async function load(builder: SnapshotBuilder): Promise<HeapSnapshotModel> {
  return loadSnapshot(chunksOf(builder.toJson(), 256));
}

/** DevTools' own code (heap-snapshot-toolkit) over the same snapshot, for its filtered summaries. */
async function devToolsOf(builder: SnapshotBuilder): Promise<DevToolsSnapshot> {
  const stream = Readable.from([builder.toJson()]) as unknown as Parameters<typeof parseWithDevTools>[0];
  return (await parseWithDevTools(stream)) as unknown as DevToolsSnapshot;
}

/** name → [count, shallow, retained] of a (filtered) summary. */
function summaryOf(model: HeapSnapshotModel, objects?: ObjectFilter): Record<string, number[]> {
  const rows = model.classes({ objects, limit: 1000 }).items;
  return Object.fromEntries(rows.map((row) => [row.name, [row.count, row.shallowSizeBytes, row.retainedSizeBytes]]));
}

function devToolsSummaryOf(aggregates: Record<string, DevToolsAggregate>): Record<string, number[]> {
  return Object.fromEntries(Object.entries(aggregates).map(([key, row]) => [key.slice(1), [row.count, row.self, row.maxRet]]));
}

function classId(model: HeapSnapshotModel, name: string): number {
  return model.classes({ filter: `^${name}$`, regex: true }).items[0]!.classId;
}

const ALL_NOISE = [...RETAINER_NOISE];

/** global → holder → item1 → item2 → leaf; holder → item3, blob. Explicit ids for id ranges. */
function nestedItems() {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 1 });
  const holder = b.node({ name: 'Holder', selfSize: 10 });
  const item1 = b.node({ name: 'Item', selfSize: 20, id: 101 });
  const item2 = b.node({ name: 'Item', selfSize: 30, id: 103 });
  const leaf = b.node({ name: 'Leaf', selfSize: 5, id: 105 });
  const item3 = b.node({ name: 'Item', selfSize: 40, id: 107 });
  const blob = b.node({ name: 'Blob', selfSize: 55, id: 109 });
  b.edge(b.root, global, 'shortcut', 'global').edge(global, holder, 'property', 'holder');
  b.edge(holder, item1).edge(item1, item2).edge(item2, leaf).edge(holder, item3).edge(holder, blob);
  return { b, holder, item1, item2, leaf, item3, blob };
}

describe('summary by class over a subset of objects', () => {
  it('recomputes counts and sizes over the subset: an instance under an unselected one of its class counts (as in DevTools)', async () => {
    const { b } = nestedItems();
    const model = await load(b);
    // Item 2 sits under item 1, so the full summary counts only item 1's retained size.
    expect(summaryOf(model).Item).toEqual([3, 90, 55 + 40]);
    const range = { afterId: 101, upToId: 107 };
    const filtered = summaryOf(model, { idRange: range });
    expect(filtered).toEqual({ Item: [2, 70, 35 + 40], Leaf: [1, 5, 5] });
    const devtools = await devToolsOf(b);
    expect(filtered).toEqual(devToolsSummaryOf(devtools.aggregatesWithFilter({ minNodeId: range.afterId, maxNodeId: range.upToId })));
    // No upper bound: everything allocated after id 103.
    expect(summaryOf(model, { idRange: { afterId: 103 } })).toEqual({ Item: [1, 40, 40], Leaf: [1, 5, 5], Blob: [1, 55, 55] });
  });

  it('filters class names by substring or regex, and sorts and pages the filtered rows', async () => {
    const { b } = nestedItems();
    const model = await load(b);
    expect(model.classes({ filter: 'LEA' }).items.map((row) => row.name)).toEqual(['Leaf']);
    expect(model.classes({ filter: '^(item|blob)$', regex: true, sortBy: 'name', ascending: true }).items.map((row) => row.name)).toEqual(['Blob', 'Item']);
    const page = model.classes({ sortBy: 'count', offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((row) => row.name)).toEqual(['global', 'Holder']);
    expect(() => model.classes({ filter: '(', regex: true })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => model.classes({ objects: { preset: 'bogus' as never } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => model.classes({ objects: { idRange: { afterId: 10, upToId: 5 } } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('instances of a class', () => {
  it('sorts by retained size, shallow size, distance or id, either way, and pages', async () => {
    const { b, item1, item2, item3 } = nestedItems();
    const model = await load(b);
    const id = classId(model, 'Item');
    const ordinals = (request: Parameters<HeapSnapshotModel['classInstances']>[0]) => model.classInstances(request).items.map((row) => row.ordinal);
    expect(ordinals({ classId: id })).toEqual([item1, item3, item2]);
    expect(ordinals({ classId: id, sortBy: 'selfSizeBytes', ascending: true })).toEqual([item1, item2, item3]);
    // Distances: item1 and item3 are 3 steps from the root, item2 is 4; ties keep snapshot order.
    expect(ordinals({ classId: id, sortBy: 'distance', ascending: true })).toEqual([item1, item3, item2]);
    expect(ordinals({ classId: id, sortBy: 'id', ascending: false })).toEqual([item3, item2, item1]);
    const page = model.classInstances({ classId: id, offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1, items: [{ ordinal: item3, retainedSizeBytes: 40 }] });
    expect(ordinals({ classId: id, objects: { idRange: { afterId: 101 } } })).toEqual([item3, item2]);
    expect(() => model.classInstances({ classId: 9999 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => model.classInstances({ classId: id, sortBy: 'name' as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('instances of a big class', () => {
  it('serves pages near either end without a full sort, in exactly the full sort\'s order', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    b.edge(b.root, global, 'shortcut', 'global');
    // Sizes with many ties (ties go by snapshot order), some items under others (bigger
    // retained sizes, longer distances).
    let state = 3;
    const items: number[] = [];
    const others: number[] = [];
    for (let k = 0; k < 120_000; k++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const item = b.node({ name: 'Item', selfSize: 1 + (state % 40) });
      const parent = k % 5 === 4 ? items[k - 1]! : global;
      b.edge(parent, item, 'property', `i${k}`);
      items.push(item);
      // A small class in the middle of the heap: found after the first scan noted its span.
      if (k >= 50_000 && k < 50_010) {
        others.push(b.node({ name: 'Other', selfSize: 100 - k + 50_000 }));
        b.edge(global, others.at(-1)!, 'property', `o${k}`);
      }
    }
    const model = await load(b);
    const id = classId(model, 'Item');
    type Request = Omit<Parameters<HeapSnapshotModel['classInstances']>[0], 'classId'>;
    const page = (request: Request) => model.classInstances({ classId: id, ...request });
    const ordinals = (request: Request) => page(request).items.map((row) => row.ordinal);
    const objects = { idRange: { afterId: b.idOf(items[5_000]!) } };
    const orders = (['retainedSizeBytes', 'selfSizeBytes', 'distance', 'id'] as const).flatMap((sortBy) =>
      [true, false].flatMap((ascending) => [{ sortBy, ascending }, { sortBy, ascending, objects }]),
    );
    for (const order of orders) {
      const total = page({ ...order, limit: 0 }).total;
      expect(total).toBe(order.objects ? 114_999 : 120_000);
      const ends = [ordinals({ ...order, limit: 100 }), ordinals({ ...order, offset: 900, limit: 100 }), ordinals({ ...order, offset: total - 100, limit: 100 })];
      // A page in between needs (and keeps) the full order.
      const all = ordinals({ ...order, offset: 0, limit: total });
      expect(ends, JSON.stringify(order)).toEqual([all.slice(0, 100), all.slice(900, 1000), all.slice(total - 100)]);
    }
    const other = classId(model, 'Other');
    expect(model.classInstances({ classId: other, sortBy: 'selfSizeBytes' }).items.map((row) => row.ordinal)).toEqual(others);
  });
});

describe('dominator tree children', () => {
  it('lists what an object immediately dominates, biggest retained size first, ties in snapshot order', async () => {
    const { b, holder, item1, item3, blob } = nestedItems();
    const model = await load(b);
    // item1 and blob both retain 55.
    expect(model.dominatedBy(holder).items.map((row) => [row.ordinal, row.retainedSizeBytes])).toEqual([
      [item1, 55],
      [blob, 55],
      [item3, 40],
    ]);
    expect(model.dominatedBy(holder, { offset: 2, limit: 5 })).toMatchObject({ total: 3, offset: 2, items: [{ ordinal: item3 }] });
    expect(model.dominatedBy(blob).total).toBe(0);
  });
});

describe('object filter presets', () => {
  it('duplicated strings: every copy of a repeated value, flattened concatenations left out (as in DevTools)', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    b.edge(b.root, global, 'shortcut', 'global');
    const string = (name: string) => b.node({ type: 'string', name, selfSize: 16 + name.length });
    const cons = (first: number, second: number) => {
      const node = b.node({ type: 'concatenated string', name: '(concatenated string)', selfSize: 32 });
      b.edge(node, first, 'internal', 'first').edge(node, second, 'internal', 'second');
      return node;
    };
    // A plain string and a concatenation of the same value; two plain copies; a flattened
    // concatenation (V8's in-place form of 'solo', not a copy of it); a unique value.
    // Two concatenations of one value split differently are copies; one of another value is not.
    const copies = [string('dup'), cons(string('du'), string('p')), string('twice'), string('twice')];
    const splits = [cons(string('ab'), string('c')), cons(string('a'), string('bc'))];
    const flattened = cons(string(''), string('solo'));
    for (const node of [...copies, ...splits, flattened, cons(string('xy'), string('z')), string('unique')]) b.edge(global, node, 'property', `s${node}`);
    const model = await load(b);
    const selected = summaryOf(model, { preset: 'duplicatedStrings' });
    const consRetained = 32 + 18 + 17;
    expect(selected).toEqual({ '(string)': [3, 19 + 21 + 21, 19 + 21 + 21], '(concatenated string)': [3, 3 * 32, 3 * consRetained] });
    const devtools = await devToolsOf(b);
    expect(selected).toEqual(devToolsSummaryOf(devtools.aggregatesWithFilter({ filterName: 'duplicatedStrings' })));
  });

  it('event handlers: the listeners of EventEmitters and of Blink, and what only they keep alive', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    b.edge(b.root, global, 'shortcut', 'global');
    const emitter = b.node({ name: 'EventEmitter', selfSize: 10 });
    const events = b.node({ name: 'Object', selfSize: 5 });
    b.edge(global, emitter, 'property', 'emitter').edge(emitter, events, 'property', '_events');
    const listener = (payloadOf: number) => {
      const fn = b.node({ type: 'closure', name: 'onEvent', selfSize: 8 });
      const context = b.node({ name: 'system / Context', selfSize: 4 });
      b.edge(fn, context, 'internal', 'context').edge(context, payloadOf, 'context', 'payload');
      return fn;
    };
    const payload = () => b.node({ name: 'Payload', selfSize: 16 });
    b.edge(events, listener(payload()), 'property', 'tick');
    const many = b.node({ name: 'Array', selfSize: 6 });
    const shared = b.node({ name: 'Shared', selfSize: 16 });
    b.edge(events, many, 'property', 'data').edge(many, listener(payload()), 'element', 0).edge(many, listener(shared), 'element', 1);
    b.edge(global, shared, 'property', 'shared');
    // Blink: RegisteredEventListener → EventListener → V8EventListener → the JS function.
    const registered = b.node({ type: 'native', name: 'blink::RegisteredEventListener', selfSize: 4 });
    const wrapper = b.node({ type: 'native', name: 'EventListener', selfSize: 4 });
    const v8Listener = b.node({ type: 'native', name: 'V8EventListener', selfSize: 4 });
    b.edge(global, registered, 'property', 'listeners').edge(registered, wrapper, 'element', 1).edge(wrapper, v8Listener, 'element', 1);
    b.edge(v8Listener, listener(payload()), 'element', 1);
    const model = await load(b);
    expect(summaryOf(model, { preset: 'eventHandlers' })).toEqual({
      Function: [4, 32, 32 + 4 * 4 + 3 * 16],
      'system / Context': [4, 16, 16 + 3 * 16],
      Payload: [3, 48, 48],
      'blink::RegisteredEventListener': [1, 4, 4 + 4 + 4 + 8 + 4 + 16],
      EventListener: [1, 4, 4 + 4 + 8 + 4 + 16],
      V8EventListener: [1, 4, 4 + 8 + 4 + 16],
    });
  });

  it('unreachable: no strong path from the root; detached: DOM nodes V8 marks detached', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    const cache = b.node({ name: 'WeakCache', selfSize: 8 });
    const lost = b.node({ name: 'OnlyWeaklyHeld', selfSize: 24 });
    const detached = b.node({ type: 'native', name: '<div class="x">', selfSize: 40, detachedness: 2 });
    const attached = b.node({ type: 'native', name: '<span>', selfSize: 40, detachedness: 1 });
    b.edge(b.root, global, 'shortcut', 'global').edge(global, cache).edge(cache, lost, 'weak', 1);
    b.edge(global, detached).edge(global, attached);
    const model = await load(b);
    expect(summaryOf(model, { preset: 'unreachable' })).toEqual({ OnlyWeaklyHeld: [1, 24, 24] });
    expect(summaryOf(model, { preset: 'detached' })).toEqual({ 'Detached <div>': [1, 40, 40] });
    expect(summaryOf(model, { preset: 'detached', idRange: { afterId: b.idOf(detached) } })).toEqual({});
    expect(summaryOf(model, { preset: 'all' })).toEqual(summaryOf(model));
  });
});

/**
 * A target with one retainer of every kind, in this slot order: far (distance 3), near (2),
 * weak, WeakMap key and table (the value's two ephemeron edges), V8's hidden class (internal),
 * and the DevTools console's global handle (inspector).
 */
function retainedTarget() {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 1 });
  const far1 = b.node({ name: 'Far1', selfSize: 1 });
  const far2 = b.node({ name: 'Far2', selfSize: 1 });
  const near = b.node({ name: 'Near', selfSize: 1 });
  const weak = b.node({ name: 'WeakRef', selfSize: 1 });
  const key = b.node({ name: 'Key', selfSize: 1 });
  const table = b.node({ type: 'array', name: '', selfSize: 1 });
  const map = b.node({ type: 'hidden', name: 'system / Map', selfSize: 1 });
  const gcRoots = b.node({ type: 'synthetic', name: '(GC roots)' });
  const handles = b.node({ type: 'synthetic', name: '(Global handles)' });
  const target = b.node({ name: 'Target', selfSize: 10 });
  const pair = (n: number) => `${n} / part of key (Key @${b.idOf(key)}) -> value (Target @${b.idOf(target)}) pair in WeakMap (table @${b.idOf(table)})`;
  b.edge(b.root, global, 'shortcut', 'global').edge(b.root, gcRoots, 'element', 1).edge(gcRoots, handles, 'element', 1);
  for (const node of [far1, near, weak, key, table, map]) b.edge(global, node, 'property', `p${node}`);
  b.edge(far1, far2).edge(far2, target, 'property', 'far').edge(near, target, 'property', 'near').edge(weak, target, 'weak', 1);
  b.edge(key, target, 'internal', pair(1)).edge(table, target, 'internal', pair(3)).edge(map, target, 'internal', 'prototype');
  b.edge(handles, target, 'internal', '7 / DevTools console');
  return { b, target, far2, near, weak, key, table, map, handles };
}

describe('retainers', () => {
  it('nearest to the roots first, ties in V8 order, noise hidden on request and counted per kind', async () => {
    const { b, target, far2, near, weak, key, table, map, handles } = retainedTarget();
    const model = await load(b);
    const sources = (page: ReturnType<HeapSnapshotModel['retainersOf']>) => page.items.map((row) => [row.node.ordinal, row.node.distance]);
    const clean = model.retainersOf(target, { hide: ALL_NOISE });
    expect(sources(clean)).toEqual([
      [near, 2],
      [key, 2],
      [far2, 3],
    ]);
    expect(clean.hidden).toEqual({ weak: 1, weakMapTable: 1, inspector: 1, internal: 1 });
    expect(clean.total).toBe(3);

    const everything = model.retainersOf(target);
    expect(everything.hidden).toEqual({ weak: 0, weakMapTable: 0, inspector: 0, internal: 0 });
    expect(sources(everything)).toEqual([
      [near, 2],
      [weak, 2],
      [key, 2],
      [table, 2],
      [map, 2],
      [far2, 3],
      [handles, 100_000_002],
    ]);
    const onlyWeak = model.retainersOf(target, { hide: ['weak'], offset: 1, limit: 2 });
    expect(onlyWeak).toMatchObject({ total: 6, offset: 1, hidden: { weak: 1, weakMapTable: 0, inspector: 0, internal: 0 } });
    expect(sources(onlyWeak)).toEqual([
      [key, 2],
      [table, 2],
    ]);
    expect(() => model.retainersOf(target, { hide: ['noise' as never] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('ignoring a retainer recomputes distances without it; a WeakMap pair falls with either half', async () => {
    const { b, target, far2, near, key, table, map, handles } = retainedTarget();
    const model = await load(b);
    const sources = (page: ReturnType<HeapSnapshotModel['retainersOf']>) => page.items.map((row) => [row.node.ordinal, row.node.distance]);
    expect(sources(model.retainersOf(target, { hide: ALL_NOISE, ignored: [near] }))).toEqual([
      [key, 2],
      [far2, 3],
      [near, UNREACHABLE_DISTANCE_BASE + 2],
    ]);
    // Without its key the table alone does not hold the value: both edges of the pair show as
    // unreachable, at the base itself (as DevTools does).
    expect(sources(model.retainersOf(target, { hide: ['weak', 'inspector'], ignored: [key] }))).toEqual([
      [near, 2],
      [map, 2],
      [far2, 3],
      [key, UNREACHABLE_DISTANCE_BASE],
      [table, UNREACHABLE_DISTANCE_BASE],
    ]);
    // Ignoring far1 cuts far2 off as well: it was reachable only through far1.
    const far1 = far2 - 1;
    expect(sources(model.retainersOf(target, { hide: ALL_NOISE, ignored: [far1] })).at(-1)).toEqual([far2, UNREACHABLE_DISTANCE_BASE + 3]);
    // The object rows elsewhere keep the snapshot's own distances.
    expect(model.object(far2).distance).toBe(3);
    expect(sources(model.retainersOf(target, { hide: ALL_NOISE, ignored: [] }))).toEqual(sources(model.retainersOf(target, { hide: ALL_NOISE })));
    expect(model.retainersOf(handles, { hide: ALL_NOISE }).hidden.internal).toBe(1);
    expect(() => model.retainersOf(target, { ignored: [-1] })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('object details', () => {
  it('string values, sliced parents, concatenated parts, closure locations with their script, detached DOM', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    b.edge(b.root, global, 'shortcut', 'global');
    const hold = (node: number) => {
      b.edge(global, node, 'property', `n${node}`);
      return node;
    };
    const plain = hold(b.node({ type: 'string', name: 'hello world', selfSize: 32 }));
    const cutByV8 = hold(b.node({ type: 'string', name: 'x'.repeat(1024), selfSize: 5016 }));
    const parent = hold(b.node({ type: 'string', name: 'the whole parent string', selfSize: 40 }));
    const sliced = hold(b.node({ type: 'sliced string', name: '(sliced string)', selfSize: 32 }));
    b.edge(sliced, parent, 'internal', 'parent');
    const [ab, cd, ef] = ['ab', 'cd', 'ef'].map((name) => b.node({ type: 'string', name, selfSize: 16 }));
    const inner = b.node({ type: 'concatenated string', name: '(concatenated string)', selfSize: 32 });
    const outer = hold(b.node({ type: 'concatenated string', name: '(concatenated string)', selfSize: 32 }));
    b.edge(inner, cd!, 'internal', 'first').edge(inner, ef!, 'internal', 'second').edge(outer, ab!, 'internal', 'first').edge(outer, inner, 'internal', 'second');
    const script = b.node({ type: 'code', name: 'file:///srv/app.js', selfSize: 8 });
    const shared = b.node({ type: 'code', name: 'handler', selfSize: 8 });
    const closure = hold(b.node({ type: 'closure', name: 'handler', selfSize: 32, location: { scriptId: 7, line: 3, column: 4 } }));
    b.edge(closure, shared, 'internal', 'shared').edge(shared, script, 'internal', 'script_or_debug_info');
    const instance = hold(b.node({ name: 'Entry', selfSize: 24, location: { scriptId: 7, line: 10, column: 2 } }));
    const detached = hold(b.node({ type: 'native', name: '<div>', selfSize: 40, detachedness: 2 }));
    const attached = hold(b.node({ type: 'native', name: '<p>', selfSize: 40, detachedness: 1 }));
    const model = await load(b);

    expect(model.objectDetails(plain)).toEqual({ object: model.object(plain), string: { value: 'hello world', length: 11, truncated: false } });
    expect(model.objectDetails(cutByV8).string).toEqual({ value: 'x'.repeat(1024), length: 1024, truncated: true });
    expect(model.objectDetails(sliced)).toEqual({ object: model.object(sliced), slicedParent: model.object(parent) });
    expect(model.objectDetails(outer)).toEqual({
      object: model.object(outer),
      string: { value: 'abcdef', length: 6, truncated: false },
      concatenatedParts: [model.object(ab!), model.object(inner)],
    });
    expect(model.objectDetails(closure).location).toEqual({ scriptId: 7, line: 3, column: 4, scriptName: 'file:///srv/app.js' });
    expect(model.objectDetails(instance).location).toEqual({ scriptId: 7, line: 10, column: 2, scriptName: 'file:///srv/app.js' });
    expect(model.objectDetails(detached).detached).toBe(true);
    expect(model.objectDetails(attached).detached).toBe(false);
    expect(model.objectDetails(global).detached).toBeUndefined();
    expect(() => model.objectDetails(10_000)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
