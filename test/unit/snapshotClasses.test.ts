import { describe, expect, it } from 'vitest';
import type { HeapSnapshotModel } from '../../src/main/worker/model/heapSnapshotModel';
import type { ClassRow } from '../../src/main/worker/model/snapshotRows';
import { loadSnapshot } from '../../src/main/worker/openSnapshot';
import { SnapshotBuilder, chunksOf } from '../fixtures/snapshotBuilder';

async function load(builder: SnapshotBuilder, foldOwnedSizes = true): Promise<HeapSnapshotModel> {
  return loadSnapshot(chunksOf(builder.toJson(), 4096), { foldOwnedSizes });
}

function classNamed(model: HeapSnapshotModel, name: string): ClassRow[] {
  return model.summary().classes.filter((row) => row.name === name);
}

describe('class names, as DevTools shows them', () => {
  it('names classes by node type, constructor name and element tag', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    b.edge(b.root, global);
    const specs = [
      { type: 'closure', name: 'handler', expected: 'Function' },
      { type: 'string', name: 'hello', expected: '(string)' },
      { type: 'concatenated string', name: '', expected: '(concatenated string)' },
      { type: 'sliced string', name: 'ell', expected: '(sliced string)' },
      { type: 'code', name: 'foo', expected: '(compiled code)' },
      { type: 'hidden', name: 'system / Map', expected: '(system)' },
      { type: 'regexp', name: '/a+/', expected: 'RegExp' },
      { type: 'number', name: 'heap number', expected: '(number)' },
      { type: 'bigint', name: 'bigint', expected: '(bigint)' },
      { type: 'symbol', name: 'Symbol(x)', expected: '(symbol)' },
      { type: 'object', name: 'LeakyCache', expected: 'LeakyCache' },
      { type: 'native', name: '<div id="a" class="b">', expected: '<div>' },
      { type: 'native', name: '<span>', expected: '<span>' },
    ] as const;
    for (const spec of specs) b.edge(global, b.node({ type: spec.type, name: spec.name, selfSize: 8 }));
    // Raw sizes: folded into `global`, the hidden object would have no size and no row.
    const model = await load(b, false);
    for (const spec of specs) expect(classNamed(model, spec.expected), spec.expected).toHaveLength(1);
    expect(classNamed(model, 'Function')[0]!.count).toBe(1);
  });

  it('marks detached DOM, spreading the state from V8 through native children only', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'Window', selfSize: 1 });
    const attached = b.node({ type: 'native', name: '<body>', selfSize: 10, detachedness: 1 });
    const attachedChild = b.node({ type: 'native', name: '<p>', selfSize: 10 });
    const detached = b.node({ type: 'native', name: '<div id="gone">', selfSize: 10, detachedness: 2 });
    const detachedChild = b.node({ type: 'native', name: '<span>', selfSize: 10 });
    const jsWrapper = b.node({ type: 'object', name: 'HTMLDivElement', selfSize: 10 });
    b.edge(b.root, global, 'shortcut', 'window').edge(global, attached).edge(global, detached);
    b.edge(attached, attachedChild).edge(detached, detachedChild).edge(detached, jsWrapper);
    const model = await load(b);
    expect(classNamed(model, 'Detached <div>')[0]!.count).toBe(1);
    expect(classNamed(model, 'Detached <span>')[0]!.count).toBe(1);
    expect(classNamed(model, '<p>')[0]!.count).toBe(1);
    expect(classNamed(model, 'HTMLDivElement')[0]!.count).toBe(1);
    expect(model.object(detached).name).toBe('Detached <div id="gone">');
  });

  it('names plain objects by their common shapes, {a, b}', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    b.edge(b.root, global);
    const point = () => {
      const object = b.node({ name: 'Object', selfSize: 16 });
      b.edge(global, object).edge(object, b.node({ type: 'number', name: 'heap number', selfSize: 8 }), 'property', 'x');
      b.edge(object, b.node({ type: 'number', name: 'heap number', selfSize: 8 }), 'property', 'y');
      return object;
    };
    const points = [point(), point(), point()];
    const lonely = b.node({ name: 'Object', selfSize: 16 });
    b.edge(global, lonely).edge(lonely, points[0]!, 'property', 'only');
    const model = await load(b);
    expect(classNamed(model, '{x, y}')[0]!.count).toBe(3);
    expect(classNamed(model, 'Object')[0]!.count).toBe(1);
    expect(model.object(points[0]!).name).toBe('{x, y}');
  });

  it('keeps same-named classes from different constructors apart by source position', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    b.edge(b.root, global);
    for (const line of [10, 10, 20]) b.edge(global, b.node({ name: 'Entry', selfSize: 32, location: { scriptId: 7, line, column: 2 } }));
    const model = await load(b);
    const entries = classNamed(model, 'Entry').sort((x, y) => x.location!.line - y.location!.line);
    expect(entries.map((row) => [row.count, row.location])).toEqual([
      [2, { scriptId: 7, line: 10, column: 2 }],
      [1, { scriptId: 7, line: 20, column: 2 }],
    ]);
  });
});

describe('class summary', () => {
  it('counts a class retained size once for instances nested under instances of the same class', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    const outer = b.node({ name: 'Tree', selfSize: 10 });
    const inner = b.node({ name: 'Tree', selfSize: 10 });
    const leaf = b.node({ name: 'Leaf', selfSize: 5 });
    const other = b.node({ name: 'Tree', selfSize: 10 });
    b.edge(b.root, global).edge(global, outer).edge(outer, inner).edge(inner, leaf).edge(global, other);
    const model = await load(b);
    const tree = classNamed(model, 'Tree')[0]!;
    expect(tree).toMatchObject({ count: 3, shallowSizeBytes: 30, retainedSizeBytes: 35, minDistance: 2 });
    expect(model.summary().classes.map((row) => row.name)).toEqual(['global', 'Tree', 'Leaf']);
  });

  it('moves the size of internal arrays into their only owner, unless asked for raw sizes', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    const owner = b.node({ name: 'Owner', selfSize: 24 });
    const store = b.node({ type: 'array', name: '(object properties)', selfSize: 100 });
    const shared = b.node({ type: 'array', name: '(shared)', selfSize: 50 });
    const other = b.node({ name: 'Other', selfSize: 8 });
    b.edge(b.root, global).edge(global, owner).edge(global, other);
    b.edge(owner, store, 'internal', 'properties').edge(owner, shared, 'internal', 'a').edge(other, shared, 'internal', 'b');
    const folded = await load(b);
    expect(folded.object(owner).selfSizeBytes).toBe(124);
    expect(folded.object(store).selfSizeBytes).toBe(0);
    expect(folded.object(shared).selfSizeBytes).toBe(50);
    expect(classNamed(folded, '(array)')[0]!.count).toBe(1);
    const raw = await load(b, false);
    expect(raw.object(owner).selfSizeBytes).toBe(24);
    expect(classNamed(raw, '(array)')[0]!.count).toBe(2);
    expect(raw.summary().totalSizeBytes).toBe(folded.summary().totalSizeBytes);
  });

  it('computes statistics by kind and the total with extra native bytes', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 10 });
    const array = b.node({ name: 'Array', selfSize: 16 });
    const elements = b.node({ type: 'array', name: '', selfSize: 64 });
    const text = b.node({ type: 'string', name: 'abc', selfSize: 20 });
    const code = b.node({ type: 'code', name: 'f', selfSize: 30 });
    const backing = b.node({ type: 'native', name: 'system / JSArrayBufferData', selfSize: 1000 });
    b.edge(b.root, global).edge(global, array).edge(array, elements, 'internal', 'elements');
    b.edge(global, text).edge(global, code).edge(global, backing);
    const model = await loadSnapshot(chunksOf(b.toJson({ extraNativeBytes: 500 })), { foldOwnedSizes: false });
    const { statistics, totalSizeBytes } = model.summary();
    expect(totalSizeBytes).toBe(1640);
    expect(statistics).toEqual({
      totalBytes: 1640,
      codeBytes: 30,
      stringsBytes: 20,
      jsArraysBytes: 80,
      typedArraysBytes: 1000,
      systemBytes: 0,
      nativeBytes: 1500,
      otherBytes: 10,
    });
  });
});

describe('navigating one object', () => {
  it('lists edges, retainers, the dominator path, finds by id and ranks by retained size', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 1 });
    const cache = b.node({ name: 'LeakyCache', selfSize: 40 });
    const list = b.node({ type: 'array', name: '', selfSize: 0 });
    const entries = [0, 1, 2].map(() => b.node({ name: 'Entry', selfSize: 100 }));
    b.edge(b.root, global).edge(global, cache, 'property', 'cache').edge(cache, list, 'internal', 'elements');
    entries.forEach((entry, index) => b.edge(list, entry, 'element', index));
    b.edge(global, entries[1]!, 'property', 'favourite').edge(global, entries[1]!, 'property', 'again');
    const model = await load(b);

    const edges = model.edgesOf(list);
    expect(edges.total).toBe(3);
    expect(edges.items.map((row) => [row.type, row.name, row.node.ordinal])).toEqual([
      ['element', '0', entries[0]],
      ['element', '1', entries[1]],
      ['element', '2', entries[2]],
    ]);
    expect(model.edgesOf(list, { offset: 1, limit: 1 }).items.map((row) => row.node.ordinal)).toEqual([entries[1]]);

    const retainers = model.retainersOf(entries[1]!);
    expect(retainers.items.map((row) => [row.name, row.node.ordinal])).toEqual([
      ['favourite', global],
      ['again', global],
      ['1', list],
    ]);
    expect(model.dominatorPath(entries[0]!).map((row) => row.name)).toEqual(['Entry', '', 'LeakyCache', 'global', '']);
    expect(model.nodeById(b.idOf(entries[2]!))).toBe(entries[2]);
    expect(model.nodeById(123456)).toBeUndefined();
    expect(model.topRetainers(2).map((row) => row.ordinal)).toEqual([global, cache]);
    expect(model.object(cache)).toMatchObject({ className: 'LeakyCache', retainedSizeBytes: 240, distance: 2, type: 'object' });
    expect(() => model.object(999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
