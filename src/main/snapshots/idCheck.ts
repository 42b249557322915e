import { exportBuffers } from '../worker/compare/objectExport';
import type { OpenSnapshots } from './openSnapshots';

// Ids checked on a sample (1 in 32 heap objects, picked by id so both sides pick the same):
// enough to tell a reset from a match, at a thirty-second of a full export's cost.
const ID_SAMPLE_EVERY = 64;

/** Whether the ids of two open snapshots mean the same objects; `warning` says why not. */
export async function checkIds(snapshots: OpenSnapshots, baseSnapshotId: string, targetSnapshotId: string): Promise<{ matchedById: boolean; warning?: string }> {
  const base = await snapshots.call(baseSnapshotId, 'exportObjects', { sampleEvery: ID_SAMPLE_EVERY });
  return snapshots.call(targetSnapshotId, 'checkIds', { base, sampleEvery: ID_SAMPLE_EVERY }, exportBuffers(base));
}
