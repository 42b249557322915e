import { describe, expect, it } from 'vitest';
import { matchById } from '../../src/main/worker/compare/idMatching';
import { findLeakCandidates } from '../../src/main/worker/compare/leakCandidates';
import { exportObjects } from '../../src/main/worker/compare/objectExport';
import { SnapshotComparison } from '../../src/main/worker/compare/snapshotComparison';
import type { HeapSnapshotModel } from '../../src/main/worker/model/heapSnapshotModel';
import { retainingPathPattern, shortestRetainingPath } from '../../src/main/worker/model/retainerPaths';
import { loadSnapshot } from '../../src/main/worker/openSnapshot';
import { SnapshotBuilder, chunksOf } from '../fixtures/snapshotBuilder';

async function load(builder: SnapshotBuilder): Promise<HeapSnapshotModel> {
  return loadSnapshot(chunksOf(builder.toJson(), 256), { useCache: false, helperScript: null });
}

/** global → Holder → one `Item` per id (plus `others` objects of class Other, for sample sizes). */
function heapWith(items: { id: number; name?: string; selfSize?: number }[], options: { holderId?: number; globalId?: number } = {}) {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 8, id: options.globalId ?? 1 });
  const holder = b.node({ name: 'Holder', selfSize: 16, id: options.holderId ?? 3 });
  b.edge(b.root, global, 'shortcut', 'global').edge(global, holder, 'property', 'holder');
  const ordinals = items.map(({ id, name = 'Item', selfSize = 32 }, k) => {
    const item = b.node({ name, selfSize, id });
    b.edge(holder, item, 'element', k);
    return item;
  });
  return { b, ordinals };
}

describe('matching two snapshots by V8 id', () => {
  it('finds the new and the deleted objects of each class and their shallow sizes', async () => {
    const base = heapWith([{ id: 101 }, { id: 103 }, { id: 105, selfSize: 40 }, { id: 107, name: 'Other' }]);
    const target = heapWith([{ id: 101 }, { id: 103 }, { id: 107, name: 'Other' }, { id: 201, selfSize: 50 }, { id: 203, selfSize: 60 }, { id: 205, name: 'Fresh' }]);
    const [baseModel, targetModel] = await Promise.all([load(base.b), load(target.b)]);
    const comparison = new SnapshotComparison(targetModel.analysis, exportObjects(baseModel.analysis), exportObjects(targetModel.analysis));
    expect(comparison.totals).toMatchObject({ matchedById: true, newCount: 3, newShallowBytes: 50 + 60 + 32, deletedCount: 1, deletedShallowBytes: 40 });
    const rows = comparison.classes({ sortBy: 'name', ascending: true }).items;
    // Other did not change at all and is left out; Holder only retains more (the Items' bytes).
    expect(rows.map((row) => row.name)).toEqual(['Fresh', 'global', 'Holder', 'Item']);
    expect(rows[2]).toMatchObject({ newCount: 0, deletedCount: 0, deltaCount: 0, deltaShallowBytes: 0, deltaRetainedBytes: 50 + 60 + 32 - 40 });
    expect(rows[3]).toMatchObject({ baseCount: 3, targetCount: 4, newCount: 2, deletedCount: 1, deltaCount: 1, newShallowBytes: 110, deletedShallowBytes: 40, deltaShallowBytes: 70 });
    const created = comparison.objects('Item', 'new', {});
    // Biggest retained first: 203 (60 bytes) before 201 (50 bytes).
    expect(created.items).toEqual([target.ordinals[4], target.ordinals[3]]);
    expect(comparison.objects('Item', 'deleted', {}).items).toEqual([base.ordinals[2]]);
    expect(comparison.objects('Nothing', 'new', {}).total).toBe(0);
  });

  it('says ids were reset when the newer snapshot has lower ids than the older one', async () => {
    const base = heapWith([{ id: 901 }, { id: 903 }]);
    const target = heapWith([{ id: 101 }, { id: 103 }]);
    const [baseModel, targetModel] = await Promise.all([load(base.b), load(target.b)]);
    const match = matchById(exportObjects(baseModel.analysis), exportObjects(targetModel.analysis));
    expect(match.matchedById).toBe(false);
    expect(match.warning).toMatch(/ids went back.*reset/);
    const comparison = new SnapshotComparison(targetModel.analysis, exportObjects(baseModel.analysis), exportObjects(targetModel.analysis));
    expect(comparison.totals).toMatchObject({ matchedById: false, newCount: 0, deletedCount: 0 });
    expect(comparison.totals.warning).toMatch(/compared by name/);
    // Class totals still compare: two Items on each side, so no change to list.
    expect(comparison.classes({ filter: 'Item' }).items).toEqual([]);
  });

  it('says the ids name other objects when many shared ids changed class (another process)', async () => {
    const ids = Array.from({ length: 200 }, (_, k) => 101 + 2 * k);
    const base = heapWith(ids.map((id) => ({ id, name: 'Request' })));
    // The same ids, but a third of them now name objects of another class.
    const target = heapWith(ids.map((id, k) => ({ id, name: k % 3 === 0 ? 'Socket' : 'Request' })));
    const [baseModel, targetModel] = await Promise.all([load(base.b), load(target.b)]);
    const match = matchById(exportObjects(baseModel.analysis), exportObjects(targetModel.analysis));
    expect(match).toMatchObject({ matchedById: false, renamedCount: 67 });
    expect(match.warning).toMatch(/different classes: the snapshots come from different processes/);

    // A few renamed objects (1 %, as V8 renames a few internal objects between snapshots) are not a reset.
    const mostlySame = heapWith(ids.map((id, k) => ({ id, name: k < 2 ? 'Socket' : 'Request' })));
    const sameModel = await load(mostlySame.b);
    expect(matchById(exportObjects(baseModel.analysis), exportObjects(sameModel.analysis)).matchedById).toBe(true);
  });

  it('samples the same ids on both sides', async () => {
    const ids = Array.from({ length: 400 }, (_, k) => 101 + 2 * k);
    const [baseModel, targetModel] = await Promise.all([load(heapWith(ids.map((id) => ({ id }))).b), load(heapWith(ids.map((id) => ({ id }))).b)]);
    const [base, target] = [exportObjects(baseModel.analysis, 8), exportObjects(targetModel.analysis, 8)];
    expect([...base.ids].every((id) => id % 8 === 1)).toBe(true);
    expect(base.ids).toEqual(target.ids);
    // The global (id 1) and the holder (id 3) are objects too.
    expect(base.ids.length).toBe([1, 3, ...ids].filter((id) => id % 8 === 1).length);
  });
});

describe('retaining path patterns', () => {
  /** global.owner → Owner.cache → Map.table → (array) → entries, plus an array, a dictionary and a WeakMap-ish weak holder. */
  function planted() {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 8 });
    const owner = b.node({ name: 'Owner', selfSize: 16 });
    const map = b.node({ name: 'Map', selfSize: 32 });
    const table = b.node({ type: 'array', name: '', selfSize: 64 });
    const list = b.node({ type: 'object', name: 'Array', selfSize: 16 });
    const dictionary = b.node({ name: 'Object', selfSize: 24 });
    const watcher = b.node({ name: 'Watcher', selfSize: 8 });
    b.edge(b.root, global, 'shortcut', 'global');
    b.edge(global, owner, 'property', 'owner').edge(global, watcher, 'property', 'watcher');
    b.edge(owner, map, 'property', 'cache').edge(map, table, 'internal', 'table');
    b.edge(global, list, 'property', 'list').edge(global, dictionary, 'property', 'byUser');
    const entries = Array.from({ length: 10 }, (_, k) => {
      const entry = b.node({ name: 'Entry', selfSize: 40 });
      // V8 names a hash table's slots by number (internal edges), as strings.
      b.edge(table, entry, 'internal', String(k * 3 + 1));
      // A weak reference from an object nearer the roots must not be followed.
      b.edge(watcher, entry, 'weak', `w${k}`);
      return entry;
    });
    const items = Array.from({ length: 5 }, (_, k) => {
      const item = b.node({ name: 'Item', selfSize: 40 });
      b.edge(list, item, 'element', k);
      return item;
    });
    const users = Array.from({ length: 300 }, (_, k) => {
      const user = b.node({ name: 'User', selfSize: 40 });
      b.edge(dictionary, user, 'property', `user-${k}`);
      return user;
    });
    return { b, entries, items, users, watcher };
  }

  it('generalises indexes, numbered slots and dictionary keys so one collection gives one pattern', async () => {
    const { b, entries, items, users } = planted();
    const { analysis } = await load(b);
    const patternsOf = (ordinals: number[]) => new Set(ordinals.map((ordinal) => retainingPathPattern(analysis, ordinal).pattern));
    expect([...patternsOf(entries)]).toEqual(['global.owner → Owner.cache → Map.table → (array)[]']);
    expect([...patternsOf(items)]).toEqual(['global.list → Array[]']);
    expect([...patternsOf(users)]).toEqual(['global.byUser → Object[]']);
  });

  it('lists the steps from the object to the root with the real edge names', async () => {
    const { b, entries } = planted();
    const { analysis } = await load(b);
    const path = shortestRetainingPath(analysis, entries[3]!);
    expect(path.end).toBe('root');
    expect(path.steps.map((step) => [step.edgeType, step.edgeName, step.holder.className])).toEqual([
      ['internal', '10', '(array)'],
      ['internal', 'table', 'Map'],
      ['property', 'cache', 'Owner'],
      ['property', 'owner', 'global'],
    ]);
    expect(path.pattern).toBe(retainingPathPattern(analysis, entries[3]!).pattern);
  });

  it('stops after the steps asked, and says when only weak references hold an object', async () => {
    const { b, entries, watcher } = planted();
    const weakOnly = b.node({ name: 'Orphan', selfSize: 8 });
    b.edge(watcher, weakOnly, 'weak', 'ref');
    const { analysis } = await load(b);
    expect(shortestRetainingPath(analysis, entries[0]!, 2)).toMatchObject({ end: 'maxSteps', pattern: 'Map.table → (array)[]' });
    expect(retainingPathPattern(analysis, weakOnly).end).toBe('noRetainer');
  });
});

describe('leak candidates', () => {
  it('keeps objects allocated after the baseline and alive in the final snapshot, filters noise and folds what a candidate retains', async () => {
    const b = new SnapshotBuilder();
    const global = b.node({ name: 'global', selfSize: 8 });
    const owner = b.node({ name: 'Owner', selfSize: 16 });
    const store = b.node({ name: 'Store', selfSize: 16 });
    b.edge(b.root, global, 'shortcut', 'global').edge(global, owner, 'property', 'owner').edge(owner, store, 'property', 'cache');
    const dead: number[] = [];
    const items = Array.from({ length: 120 }, (_, k) => {
      const item = b.node({ name: 'Item', selfSize: 200 });
      const payload = b.node({ name: 'Payload', selfSize: 50 });
      const label = b.node({ type: 'string', name: `item-${k}`, selfSize: 24 });
      const elements = b.node({ type: 'array', name: '', selfSize: 32 });
      b.edge(store, item, 'element', k).edge(item, payload, 'property', 'payload').edge(item, label, 'property', 'label').edge(item, elements, 'internal', 'elements');
      // The last 20 are gone by the final snapshot (with what they hold).
      if (k >= 100) dead.push(item, payload, label, elements);
      return item;
    });
    // A few new objects, but less than the 16 KB a leak cluster must retain.
    for (let k = 0; k < 3; k++) b.edge(global, b.node({ name: 'Tiny', selfSize: 100 }), 'property', `tiny${k}`);
    const { analysis } = await load(b);
    const baselineIds = Uint32Array.from([b.root, global, owner, store], (ordinal) => b.idOf(ordinal)).sort();
    const everything = Array.from({ length: analysis.graph.nodeCount }, (_, ordinal) => ordinal);
    const finalIds = Uint32Array.from(everything.filter((ordinal) => !dead.includes(ordinal)), (ordinal) => b.idOf(ordinal)).sort();

    const found = findLeakCandidates(analysis, exportObjects(analysis), baselineIds, finalIds);
    // 100 Items, their 100 Payloads, 100 strings and 3 Tiny objects: the internal arrays' sizes
    // are their Items' (as DevTools shows shallow sizes), so they are not listed objects.
    expect(found.candidateCount).toBe(303);
    expect(found.clusters).toHaveLength(1);
    const [cluster] = found.clusters;
    expect(cluster).toMatchObject({ pattern: 'global.owner → Owner.cache → Store[]', count: 100, classNames: ['Item'], retainedBytes: 100 * (200 + 50 + 24 + 32) });
    expect(cluster!.representative.path.map((step) => step.holder.className)).toEqual(['Store', 'Owner', 'global']);
    expect(items).toContain(cluster!.representative.object.ordinal);
    // Strings (noise), Payloads (inside an Item) and the Tiny cluster are filtered.
    expect(found.filteredCount).toBe(203);
  });
});
