import type { LeakReport } from '../../../shared/model/comparisons';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { CANDIDATE_FILTERS, selectCandidates } from './candidateSelection';
import type { ObjectExport } from './objectExport';
import { clusterByRetainingPath } from './retainerClusters';

/** Clusters retaining less than this in all are noise (a few objects V8 or Node made once). */
export const MIN_LEAK_CLUSTER_BYTES = 16 * 1024;
const MAX_LEAK_CLUSTERS = 50;

export type LeakFindings = Omit<LeakReport, 'baselineSnapshotId' | 'targetSnapshotId' | 'finalSnapshotId'>;

/**
 * MemLab's leak candidates in the target snapshot (`target`: its own export, sorted by id):
 * objects whose id is not in the baseline (allocated after it) and is in the final snapshot
 * (still alive), then CANDIDATE_FILTERS, then clustering by retaining path, leaving out objects
 * only weak references or the inspector hold and clusters under MIN_LEAK_CLUSTER_BYTES.
 * `baselineIds` and `finalIds` are sorted ascending.
 */
export function findLeakCandidates(analysis: HeapAnalysis, target: ObjectExport, baselineIds: Uint32Array, finalIds: Uint32Array): LeakFindings {
  const candidates: number[] = [];
  let inBaseline = 0;
  let inFinal = 0;
  for (let k = 0; k < target.ids.length; k++) {
    const id = target.ids[k]!;
    while (inBaseline < baselineIds.length && baselineIds[inBaseline]! < id) inBaseline++;
    while (inFinal < finalIds.length && finalIds[inFinal]! < id) inFinal++;
    const allocatedAfterBaseline = baselineIds[inBaseline] !== id;
    const aliveInFinal = finalIds[inFinal] === id;
    if (allocatedAfterBaseline && aliveInFinal && target.selfSizes[k]! > 0) candidates.push(target.ordinals[k]!);
  }
  const selection = selectCandidates(analysis, Uint32Array.from(candidates));
  const { clusters, weakOnlyCount, smallCount } = clusterByRetainingPath(analysis, selection.roots, {
    limit: MAX_LEAK_CLUSTERS,
    minRetainedBytes: MIN_LEAK_CLUSTER_BYTES,
  });
  return {
    candidateCount: candidates.length,
    filteredCount: selection.noiseCount + selection.foldedCount + weakOnlyCount + smallCount,
    filters: [
      ...CANDIDATE_FILTERS,
      'objects only weak references, WeakMap tables or the inspector (console, debugger) hold',
      `clusters retaining less than ${MIN_LEAK_CLUSTER_BYTES / 1024} KB in all`,
    ],
    clusters,
  };
}
