import { HeapdeckError } from '../../../shared/contract/errors';
import type { WorkerMethods } from '../../snapshots/workerProtocol';
import type { HeapSnapshotModel } from '../model/heapSnapshotModel';
import { TransferResult } from '../transferResult';
import { classTotalsOf } from './classTotals';
import { matchById } from './idMatching';
import { findLeakCandidates } from './leakCandidates';
import { exportBuffers, exportObjects } from './objectExport';
import { countPathPatterns } from './pathCounts';
import { SnapshotComparison } from './snapshotComparison';

type ComparisonMethod =
  | 'exportObjects'
  | 'checkIds'
  | 'compare'
  | 'comparisonClasses'
  | 'comparisonObjects'
  | 'allocatedClusters'
  | 'dropComparison'
  | 'objectRows'
  | 'leaks'
  | 'classTotals'
  | 'pathCounts';

type Handlers = {
  [M in ComparisonMethod]: (params: WorkerMethods[M]['params']) => WorkerMethods[M]['result'] | TransferResult<WorkerMethods[M]['result']>;
};

/**
 * The worker's side of comparisons, leaks and trends. Comparisons whose target is this snapshot
 * are kept here by id until main drops them (when either snapshot closes).
 */
export function comparisonHandlers(model: HeapSnapshotModel): Handlers {
  const { analysis } = model;
  const comparisons = new Map<string, SnapshotComparison>();
  const comparison = (comparisonId: string) => {
    const found = comparisons.get(comparisonId);
    if (!found) throw new HeapdeckError('NOT_FOUND', `There is no comparison ${comparisonId} (one of its snapshots was closed).`);
    return found;
  };
  return {
    exportObjects: ({ sampleEvery }) => {
      const exported = exportObjects(analysis, sampleEvery);
      return new TransferResult(exported, exportBuffers(exported));
    },
    checkIds: ({ base, sampleEvery }) => {
      const { matchedById, warning } = matchById(base, exportObjects(analysis, sampleEvery));
      return { matchedById, ...(warning ? { warning } : {}) };
    },
    compare: ({ comparisonId, base }) => {
      const created = new SnapshotComparison(analysis, base, exportObjects(analysis));
      comparisons.set(comparisonId, created);
      return created.totals;
    },
    comparisonClasses: ({ comparisonId, ...request }) => comparison(comparisonId).classes(request),
    comparisonObjects: ({ comparisonId, className, change, ...page }) => comparison(comparisonId).objects(className, change, page),
    allocatedClusters: ({ comparisonId, limit }) => comparison(comparisonId).allocatedClusters(limit),
    dropComparison: ({ comparisonId }) => ({ dropped: comparisons.delete(comparisonId) }),
    objectRows: ({ ordinals }) => ordinals.map((ordinal) => model.object(ordinal)),
    leaks: ({ baselineIds, finalIds }) => findLeakCandidates(analysis, exportObjects(analysis), baselineIds, finalIds),
    classTotals: () => {
      const { totals } = classTotalsOf(analysis);
      return new TransferResult({ ...totals, totalBytes: analysis.totalSizeBytes }, [totals.counts, totals.shallowBytes, totals.retainedBytes].map((array) => array.buffer as ArrayBuffer));
    },
    pathCounts: ({ classNames }) => countPathPatterns(analysis, classNames),
  };
}
