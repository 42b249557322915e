import { Readable } from 'node:stream';
import { parse as parseWithDevTools } from 'heap-snapshot-toolkit';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/main/worker/openSnapshot';
import type { HeapSnapshotModel } from '../../src/main/worker/model/heapSnapshotModel';
import { SnapshotBuilder, chunksOf } from '../fixtures/snapshotBuilder';

interface DevToolsSnapshot {
  nodeCount: number;
  retainedSizes: Float64Array;
  dominatorsTree: Uint32Array;
  nodeDistances: Int32Array;
}

/**
 * Loads a hand-built graph (in small chunks, to cross chunk boundaries everywhere) and checks
 * that DevTools' own code (heap-snapshot-toolkit) gets the same dominator, retained size and
 * distance for every node, so the expectations below are DevTools' answers too.
 */
async function load(builder: SnapshotBuilder, { chunkBytes = 64 } = {}): Promise<HeapSnapshotModel> {
  const json = builder.toJson();
  const model = await loadSnapshot(chunksOf(json, chunkBytes));
  // The toolkit takes a Node read stream; any Readable of string chunks serves.
  const stream = Readable.from([json]) as unknown as Parameters<typeof parseWithDevTools>[0];
  const devtools = (await parseWithDevTools(stream)) as unknown as DevToolsSnapshot;
  const ours = { dominators: [] as number[], retained: [] as number[], distances: [] as number[] };
  for (let ordinal = 0; ordinal < devtools.nodeCount; ordinal++) {
    const row = model.object(ordinal);
    ours.dominators.push(model.dominatorOf(ordinal));
    ours.retained.push(row.retainedSizeBytes);
    ours.distances.push(row.distance);
  }
  expect(ours).toEqual({
    dominators: Array.from(devtools.dominatorsTree),
    retained: Array.from(devtools.retainedSizes),
    distances: Array.from(devtools.nodeDistances),
  });
  return model;
}

function idom(model: HeapSnapshotModel, ordinal: number): number {
  return model.dominatorOf(ordinal);
}

function retained(model: HeapSnapshotModel, ordinal: number): number {
  return model.object(ordinal).retainedSizeBytes;
}

describe('dominators and retained sizes', () => {
  it('a diamond: both branches are dominated by their fork, the join too', async () => {
    const b = new SnapshotBuilder();
    const a = b.node({ name: 'A', selfSize: 10 });
    const left = b.node({ name: 'B', selfSize: 20 });
    const right = b.node({ name: 'C', selfSize: 30 });
    const join = b.node({ name: 'D', selfSize: 40 });
    b.edge(b.root, a).edge(a, left).edge(a, right).edge(left, join).edge(right, join);
    const model = await load(b);
    expect([idom(model, left), idom(model, right), idom(model, join), idom(model, a)]).toEqual([a, a, a, b.root]);
    expect([retained(model, a), retained(model, left), retained(model, right), retained(model, join)]).toEqual([100, 20, 30, 40]);
    expect(model.summary().totalSizeBytes).toBe(100);
  });

  it('cycles: each node is dominated by the one the cycle is entered through', async () => {
    const b = new SnapshotBuilder();
    const [a, c1, c2, leaf] = [1, 2, 3, 4].map((size) => b.node({ selfSize: size * 10, name: `N${size}` }));
    b.edge(b.root, a!).edge(a!, c1!).edge(c1!, c2!).edge(c2!, a!).edge(c2!, leaf!);
    const model = await load(b);
    expect([idom(model, c1!), idom(model, c2!), idom(model, leaf!)]).toEqual([a, c1, c2]);
    expect(retained(model, a!)).toBe(100);
    expect(retained(model, c2!)).toBe(70);
  });

  it('weak edges retain nothing and are not paths for distances', async () => {
    const b = new SnapshotBuilder();
    const holder = b.node({ name: 'Holder', selfSize: 10 });
    const strong = b.node({ name: 'Strong', selfSize: 20 });
    const shared = b.node({ name: 'Shared', selfSize: 100 });
    const weakOnly = b.node({ name: 'WeakOnly', selfSize: 50 });
    b.edge(b.root, holder).edge(b.root, strong);
    b.edge(holder, shared, 'weak', 1).edge(strong, shared).edge(holder, weakOnly, 'weak', 2);
    const model = await load(b);
    expect(idom(model, shared)).toBe(strong);
    expect(retained(model, holder)).toBe(10);
    expect(retained(model, strong)).toBe(120);
    // Only weakly held: hangs off the root, and no distance.
    expect(idom(model, weakOnly)).toBe(b.root);
    expect(model.object(weakOnly).distance).toBe(-5);
    expect(model.object(shared).distance).toBe(2);
  });

  it('a WeakMap value is retained by its key, not by the table, and its distance is the later of the two', async () => {
    const b = new SnapshotBuilder();
    const weakMap = b.node({ name: 'WeakMap', selfSize: 10 });
    const table = b.node({ name: 'system / EphemeronHashTable', selfSize: 30 });
    const key = b.node({ name: 'Key', selfSize: 40 });
    const value = b.node({ name: 'Value', selfSize: 1000 });
    const pair = `part of key (Key @${b.idOf(key)}) -> value (Value @${b.idOf(value)}) pair in WeakMap (table @${b.idOf(table)})`;
    b.edge(b.root, weakMap, 'property', 'wm').edge(b.root, key, 'property', 'key');
    b.edge(weakMap, table, 'internal', 'table');
    b.edge(table, key, 'weak', 0).edge(table, value, 'weak', 1).edge(table, value, 'internal', `2 / ${pair}`);
    b.edge(key, value, 'internal', `1 / ${pair}`);
    const model = await load(b);
    expect(idom(model, value)).toBe(key);
    expect(retained(model, key)).toBe(1040);
    expect(retained(model, weakMap)).toBe(40);
    // root -> key -> value is 2, but DevTools waits for the table's edge: root -> wm -> table -> value.
    expect(model.object(value).distance).toBe(3);
  });

  it('a value in two WeakMaps takes its distance from whichever pair completes first', async () => {
    const b = new SnapshotBuilder();
    const value = b.node({ name: 'Value', selfSize: 100 });
    const keys = [b.node({ name: 'KeyOne', selfSize: 10 }), b.node({ name: 'KeyTwo', selfSize: 10 })];
    const tables = [b.node({ name: 'system / EphemeronHashTable', selfSize: 30 }), b.node({ name: 'system / EphemeronHashTable', selfSize: 30 })];
    const wm = b.node({ name: 'WeakMap', selfSize: 10 });
    const pair = (k: number) =>
      `part of key (Key @${b.idOf(keys[k]!)}) -> value (Value @${b.idOf(value)}) pair in WeakMap (table @${b.idOf(tables[k]!)})`;
    // Breadth first: the first pair's key edge waits; the second pair's table and key edges
    // complete it before the first pair's table (one level deeper, under its WeakMap) is reached.
    b.edge(b.root, keys[0]!, 'property', 'one').edge(b.root, tables[1]!, 'property', 'table').edge(b.root, keys[1]!, 'property', 'two');
    b.edge(b.root, wm, 'property', 'wm').edge(wm, tables[0]!, 'internal', 'table');
    b.edge(keys[0]!, value, 'internal', `1 / ${pair(0)}`).edge(tables[0]!, value, 'internal', `2 / ${pair(0)}`);
    b.edge(tables[1]!, value, 'internal', `3 / ${pair(1)}`).edge(keys[1]!, value, 'internal', `4 / ${pair(1)}`);
    const model = await load(b);
    expect(model.object(value).distance).toBe(2);
    expect(idom(model, value)).toBe(b.root);
  });

  it('shortcut edges retain only from the root', async () => {
    const b = new SnapshotBuilder();
    const first = b.node({ name: 'Window', selfSize: 10 });
    const second = b.node({ name: 'Window', selfSize: 10 });
    const target = b.node({ name: 'Target', selfSize: 100 });
    b.edge(b.root, first, 'shortcut', 'global1').edge(b.root, second, 'shortcut', 'global2');
    b.edge(first, target, 'property', 'x').edge(second, target, 'shortcut', 'x');
    const model = await load(b);
    expect(idom(model, first)).toBe(b.root);
    expect(idom(model, target)).toBe(first);
    expect(retained(model, first)).toBe(110);
  });

  it('references from objects the page does not own (the inspector) do not retain page objects', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'Window', selfSize: 10 });
    const inspector = b.node({ name: '(Inspector)', selfSize: 10 });
    const target = b.node({ name: 'Target', selfSize: 100 });
    b.edge(b.root, global, 'shortcut', 'global').edge(b.root, inspector, 'element', 1);
    b.edge(global, target).edge(inspector, target);
    const model = await load(b);
    expect(idom(model, target)).toBe(global);
    expect(retained(model, inspector)).toBe(10);
  });

  it('unreachable nodes hang off the root: orphans and cliques that only retain each other', async () => {
    const b = new SnapshotBuilder();
    const live = b.node({ name: 'Live', selfSize: 10 });
    const orphan = b.node({ name: 'Orphan', selfSize: 5 });
    const orphanChild = b.node({ name: 'OrphanChild', selfSize: 7 });
    const cliqueA = b.node({ name: 'CliqueA', selfSize: 3 });
    const cliqueB = b.node({ name: 'CliqueB', selfSize: 4 });
    b.edge(b.root, live).edge(orphan, orphanChild).edge(cliqueA, cliqueB).edge(cliqueB, cliqueA);
    const model = await load(b);
    expect(idom(model, orphan)).toBe(b.root);
    expect(idom(model, orphanChild)).toBe(orphan);
    expect(retained(model, orphan)).toBe(12);
    expect(idom(model, cliqueA)).toBe(b.root);
    expect(idom(model, cliqueB)).toBe(b.root);
    // The root retains everything, reachable or not, as in DevTools.
    expect(model.summary().totalSizeBytes).toBe(29);
    expect(model.object(orphan).distance).toBe(-5);
  });

  it('self edges and deep chains are fine (no recursion)', async () => {
    const b = new SnapshotBuilder();
    let previous = b.root;
    const chain: number[] = [];
    for (let k = 0; k < 100_000; k++) {
      const next = b.node({ name: 'Link', selfSize: 1 });
      b.edge(previous, next).edge(next, next);
      chain.push(next);
      previous = next;
    }
    const model = await load(b, { chunkBytes: 1 << 20 });
    expect(retained(model, chain[0]!)).toBe(100_000);
    expect(idom(model, chain[99_999]!)).toBe(chain[99_998]);
    expect(model.object(chain[99_999]!).distance).toBe(100_000);
  });

  it('random graphs, with unreachable parts, weak and shortcut edges, agree with DevTools node for node', async () => {
    let state = 11;
    const next = (below: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * below);
    };
    const types = ['property', 'element', 'internal', 'context', 'weak', 'shortcut'] as const;
    for (let round = 0; round < 150; round++) {
      const b = new SnapshotBuilder();
      const nodes = [b.root];
      const size = 2 + next(30);
      for (let k = 0; k < size; k++) nodes.push(b.node({ name: `N${next(4)}`, selfSize: 1 + next(50) }));
      // Sparse enough that parts stay unreachable (orphans, cliques), dense enough for cycles.
      // (No two edges between the same pair: DevTools' distance pass breaks on those.)
      const pairs = new Set<string>();
      const edges = next(size * 3);
      for (let k = 0; k < edges; k++) {
        const from = next(4) === 0 ? b.root : nodes[next(nodes.length)]!;
        const to = nodes[1 + next(size)]!;
        if (pairs.has(`${from}>${to}`)) continue;
        pairs.add(`${from}>${to}`);
        const type = types[next(types.length)]!;
        b.edge(from, to, type, type === 'element' ? k : `e${k}`);
      }
      await load(b);
    }
  });
});

