import type { ObjectRow } from '../../../shared/model/heapSnapshots';
import type { HeapGraph } from '../graph/heapGraph';
import { NameIndexes } from '../graph/knownStrings';
import type { ObjectMeasure, SeriesAnalysis, SnapshotContext } from './analysis';
import { describeHolder } from './pathWords';

type CollectionName = 'Map' | 'Set' | 'Array' | 'Object' | 'table';
const NAMES: CollectionName[] = ['Map', 'Set', 'Array', 'Object', 'table'];

/**
 * Collections that grow without bound: `Map`, `Set`, arrays and plain objects used as
 * dictionaries, followed by V8 id across the series. Entries are counted as V8 records them:
 * - Map / Set: the entries of the hash table behind the `table` edge. V8 lays an entry out as
 *   adjacent slots (key, value, chain link) and records only slots holding heap objects, so
 *   each run of adjacent slot numbers is one entry (a Map keyed and valued by small integers
 *   holds no heap objects and counts 0: it keeps no memory worth a finding either).
 * - arrays: their element references; plain objects: their named properties.
 *
 * Flagged (see growthSeries.ts) when the count rose between every two snapshots of at least
 * three AND by at least `minGrowth` entries overall.
 */
export const growingCollections: SeriesAnalysis = {
  kind: 'growing-collection',
  minFinalCount: 100,
  minGrowth: 100,
  measure: (snapshot, ordinal) => collectionSize(snapshot, ordinal),
  describe(object, counts, last, path) {
    const owner = describeHolder(path);
    const growth = counts[counts.length - 1]! - counts[0]!;
    return {
      countLabel: 'entries',
      title: `${kindOf(object)}${owner} grew in every snapshot: ${counts[0]} → ${last.count} entries`,
      suggestion:
        `Bound it (evict old entries, cap its size, or use a WeakMap / LRU cache) or remove entries when their owner is done; ` +
        `it gained ${Math.round(growth / (counts.length - 1))} entries per snapshot.`,
    };
  },
};

function kindOf(object: ObjectRow): string {
  if (object.className === 'Map' || object.className === 'Set') return `A ${object.className}`;
  if (object.className === 'Array') return 'An Array';
  return 'An object used as a dictionary';
}

// One lookup per analysis: the snapshot's string table does not change.
const namesOf = new WeakMap<HeapGraph, NameIndexes<CollectionName>>();

function collectionSize({ analysis }: SnapshotContext, ordinal: number): ObjectMeasure | undefined {
  const { graph, retainedSizes, known } = analysis;
  const { nodeTypes, nodeNames, types } = graph;
  if (nodeTypes[ordinal] !== types.object) return undefined;
  let names = namesOf.get(graph);
  if (!names) namesOf.set(graph, (names = new NameIndexes(graph.strings, NAMES)));
  const name = nodeNames[ordinal]!;
  let count: number;
  if (names.is('Map', name) || names.is('Set', name)) count = hashTableEntries(graph, names, ordinal);
  else if (names.is('Array', name)) count = countEdges(graph, ordinal, (edge) => graph.edgeTypes[edge] === types.edgeElement);
  else if (names.is('Object', name)) {
    count = countEdges(graph, ordinal, (edge) => graph.edgeTypes[edge] === types.edgeProperty && !known.is('__proto__', graph.edgeNames[edge]!));
  } else return undefined;
  return { id: graph.nodeIds[ordinal]!, count, retainedBytes: retainedSizes[ordinal]! };
}

function countEdges(graph: HeapGraph, ordinal: number, counts: (edge: number) => boolean): number {
  let count = 0;
  for (let edge = graph.firstEdges[ordinal]!, end = graph.firstEdges[ordinal + 1]!; edge < end; edge++) if (counts(edge)) count++;
  return count;
}

function hashTableEntries(graph: HeapGraph, names: NameIndexes<CollectionName>, ordinal: number): number {
  const { firstEdges, edgeTypes, edgeNames, edgeTargets, types, strings } = graph;
  let table = -1;
  for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end && table < 0; edge++) {
    if (edgeTypes[edge] === types.edgeInternal && names.is('table', edgeNames[edge]!)) table = edgeTargets[edge]!;
  }
  if (table < 0) return 0;
  let entries = 0;
  let previousSlot = -2;
  for (let edge = firstEdges[table]!, end = firstEdges[table + 1]!; edge < end; edge++) {
    if (edgeTypes[edge] !== types.edgeInternal) continue;
    const slot = Number(strings.get(edgeNames[edge]!));
    if (!Number.isInteger(slot)) continue;
    if (slot !== previousSlot + 1) entries++;
    previousSlot = slot;
  }
  return entries;
}

