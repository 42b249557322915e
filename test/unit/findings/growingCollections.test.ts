import { describe, expect, it } from 'vitest';
import { growingCollections } from '../../../src/main/worker/analyses/growingCollections';
import { growingObjects, measureObjects } from '../../../src/main/worker/analyses/growthSeries';
import type { ObjectMeasure } from '../../../src/main/worker/analyses/analysis';
import { analysisContextOf } from '../../fixtures/analysisContext';
import { SnapshotBuilder } from '../../fixtures/snapshotBuilder';

const MAP_ID = 1001;
const ARRAY_ID = 1003;
const DICTIONARY_ID = 1005;

/**
 * A Map with `mapEntries` string → object entries laid out as V8 does (header and buckets
 * first, then key, value and chain-link slots, only heap objects recorded), an array with
 * `elements` elements and a plain object with `properties` properties, all under one owner.
 */
function heapWith(mapEntries: number, elements: number, properties: number): SnapshotBuilder {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 10 });
  const owner = b.node({ name: 'Owner', selfSize: 10 });
  const map = b.node({ name: 'Map', selfSize: 32, id: MAP_ID });
  const table = b.node({ type: 'array', name: '', selfSize: 8 * mapEntries });
  const array = b.node({ name: 'Array', selfSize: 32, id: ARRAY_ID });
  const dictionary = b.node({ name: 'Object', selfSize: 32, id: DICTIONARY_ID });
  b.edge(b.root, global, 'shortcut', 'global').edge(global, owner, 'property', 'owner');
  b.edge(owner, map, 'property', 'cache').edge(owner, array, 'property', 'list').edge(owner, dictionary, 'property', 'byName');
  b.edge(map, table, 'internal', 'table');
  const firstEntrySlot = 3 + Math.max(1, mapEntries);
  for (let k = 0; k < mapEntries; k++) {
    const key = b.node({ type: 'string', name: `key-${k}`, selfSize: 24 });
    const value = b.node({ name: 'Entry', selfSize: 40 });
    b.edge(table, key, 'internal', String(firstEntrySlot + 3 * k)).edge(table, value, 'internal', String(firstEntrySlot + 3 * k + 1));
  }
  for (let k = 0; k < elements; k++) b.edge(array, b.node({ name: 'Item', selfSize: 16 }), 'element', k);
  for (let k = 0; k < properties; k++) b.edge(dictionary, b.node({ name: 'Item', selfSize: 16 }), 'property', `name-${k}`);
  b.edge(dictionary, global, 'property', '__proto__');
  return b;
}

async function series(sizes: [number, number, number][]): Promise<{ last: ObjectMeasure[]; earlier: (ObjectMeasure | null)[][] }> {
  const contexts = await Promise.all(sizes.map(([map, array, dictionary]) => analysisContextOf(heapWith(map, array, dictionary))));
  const last = measureObjects(growingCollections, contexts[contexts.length - 1]!) as ObjectMeasure[];
  const ids = last.map((measure) => measure.id);
  return { last, earlier: contexts.slice(0, -1).map((context) => measureObjects(growingCollections, context, ids)) };
}

describe('growing collections', () => {
  it('counts a Map by its entries (runs of adjacent slots), an array by elements, an object by properties', async () => {
    const context = await analysisContextOf(heapWith(120, 130, 140));
    const counts = Object.fromEntries((measureObjects(growingCollections, context) as ObjectMeasure[]).map((measure) => [measure.id, measure.count]));
    expect(counts).toEqual({ [MAP_ID]: 120, [ARRAY_ID]: 130, [DICTIONARY_ID]: 140 });
    // Below 100 entries in the last snapshot, a collection is not followed at all.
    const small = measureObjects(growingCollections, await analysisContextOf(heapWith(99, 5, 5)));
    expect(small).toEqual([]);
  });

  it('flags a collection that grew in every step and by at least 100 entries', async () => {
    const { last, earlier } = await series([
      [100, 10, 150],
      [250, 60, 90],
      [400, 109, 200],
    ]);
    const growing = growingObjects(growingCollections, last, earlier);
    // The Map grew every time by 300 in all; the array by only 99; the dictionary shrank once.
    expect(growing.map((object) => [object.last.id, object.counts])).toEqual([[MAP_ID, [100, 250, 400]]]);
    expect(growing[0]!.last.retainedBytes).toBe(32 + 8 * 400 + 400 * (24 + 40));
  });

  it('takes a collection missing from an earlier snapshot as allocated later, with 0 entries there', async () => {
    const context = await analysisContextOf(heapWith(200, 0, 0));
    const last = measureObjects(growingCollections, context) as ObjectMeasure[];
    const growing = growingObjects(growingCollections, last, [[null], [{ id: MAP_ID, count: 80, retainedBytes: 1 }]]);
    expect(growing.map((object) => object.counts)).toEqual([[0, 80, 200]]);
  });

  it('says nothing with fewer than three snapshots', async () => {
    const { last, earlier } = await series([
      [100, 0, 0],
      [900, 0, 0],
    ]);
    expect(growingObjects(growingCollections, last, earlier)).toEqual([]);
  });
});
