import type { ApiMethods } from '../../shared/contract/api';
import { HeapdeckError } from '../../shared/contract/errors';
import type { LeakReport } from '../../shared/model/comparisons';
import { checkIds } from './idCheck';
import type { OpenSnapshots } from './openSnapshots';

/**
 * MemLab's leak candidates across three open snapshots of one process (see findLeakCandidates):
 * the baseline's and the final's ids go to the target's worker, which finds and clusters them.
 * Refused when ids do not match between them (another process, or ids reset).
 */
export async function findLeaks(snapshots: OpenSnapshots, request: ApiMethods['findLeaks']['params']): Promise<LeakReport> {
  const { baselineSnapshotId, targetSnapshotId, finalSnapshotId } = request;
  if (new Set([baselineSnapshotId, targetSnapshotId, finalSnapshotId]).size !== 3) {
    throw new HeapdeckError('INVALID_ARGUMENT', 'Leaks need three different snapshots: a baseline, a target and a final one.');
  }
  const checks = await Promise.all([checkIds(snapshots, baselineSnapshotId, targetSnapshotId), checkIds(snapshots, targetSnapshotId, finalSnapshotId)]);
  checks.forEach((check, k) => {
    if (check.matchedById) return;
    const pair = k === 0 ? 'baseline and the target' : 'target and the final snapshot';
    throw new HeapdeckError('INVALID_ARGUMENT', `Leaks are found by object id, and the ids of the ${pair} do not match: ${check.warning}`);
  });
  const [baseline, final] = await Promise.all([
    snapshots.call(baselineSnapshotId, 'exportObjects', {}),
    snapshots.call(finalSnapshotId, 'exportObjects', {}),
  ]);
  const found = await snapshots.call(targetSnapshotId, 'leaks', { baselineIds: baseline.ids, finalIds: final.ids }, [
    baseline.ids.buffer as ArrayBuffer,
    final.ids.buffer as ArrayBuffer,
  ]);
  return { baselineSnapshotId, targetSnapshotId, finalSnapshotId, ...found };
}
