import type { HeapAnalysis } from '../graph/analyzeGraph';
import { sortByKey } from '../model/sortByKey';
import { classTotalsOf, type ClassTotals } from './classTotals';

/**
 * What one snapshot's worker hands another for a comparison, instead of its graph: its objects
 * sorted by V8 id, one typed array per field (posted as transferred buffers, not copies), and
 * its summary by class name.
 */
export interface ObjectExport {
  ids: Uint32Array;
  ordinals: Uint32Array;
  /** Index into `totals.names`. */
  nameIndexes: Uint32Array;
  selfSizes: Float64Array;
  retainedSizes: Float64Array;
  totals: ClassTotals;
  totalBytes: number;
  /** The highest id of a heap object (odd ids; see HeapSnapshotModel.summary). */
  maxObjectId: number;
}

/**
 * Every object, or with `sampleEvery` only those whose id is a multiple of it (plus one, as heap
 * object ids are odd): the same ids are picked on both sides, so a sample still matches by id.
 */
export function exportObjects(analysis: HeapAnalysis, sampleEvery = 1): ObjectExport {
  const { graph, retainedSizes, totalSizeBytes } = analysis;
  const { nodeIds, selfSizes, nodeTypes, types, nodeCount } = graph;
  const { totals, nameOfClass } = classTotalsOf(analysis);
  const picked: number[] | undefined = sampleEvery > 1 ? [] : undefined;
  let ordinals: Uint32Array;
  if (picked) {
    for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
      if (nodeTypes[ordinal] !== types.synthetic && nodeIds[ordinal]! % sampleEvery === 1) picked.push(ordinal);
    }
    ordinals = Uint32Array.from(picked);
  } else {
    ordinals = new Uint32Array(nodeCount);
    for (let ordinal = 0; ordinal < nodeCount; ordinal++) ordinals[ordinal] = ordinal;
  }
  sortByKey(ordinals, (ordinal) => nodeIds[ordinal]!);
  const count = ordinals.length;
  const ids = new Uint32Array(count);
  const nameIndexes = new Uint32Array(count);
  const selfs = new Float64Array(count);
  const retained = new Float64Array(count);
  const { classIds } = analysis.classes;
  for (let k = 0; k < count; k++) {
    const ordinal = ordinals[k]!;
    ids[k] = nodeIds[ordinal]!;
    nameIndexes[k] = nameOfClass[classIds[ordinal]!]!;
    selfs[k] = selfSizes[ordinal]!;
    retained[k] = retainedSizes[ordinal]!;
  }
  // Over every object, sampled or not: a sample's highest id says little about the snapshot's.
  let maxObjectId = 0;
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) if (nodeIds[ordinal]! % 2 === 1 && nodeIds[ordinal]! > maxObjectId) maxObjectId = nodeIds[ordinal]!;
  return { ids, ordinals, nameIndexes, selfSizes: selfs, retainedSizes: retained, totals, totalBytes: totalSizeBytes, maxObjectId };
}

/** The buffers to transfer when posting an export. */
export function exportBuffers(exported: ObjectExport): ArrayBuffer[] {
  const { ids, ordinals, nameIndexes, selfSizes, retainedSizes, totals } = exported;
  return [ids, ordinals, nameIndexes, selfSizes, retainedSizes, totals.counts, totals.shallowBytes, totals.retainedBytes].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
