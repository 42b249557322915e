import type { HeapSnapshotModel } from '../model/heapSnapshotModel';
import { objectRow } from '../model/objectRow';
import { shortestRetainingPath } from '../model/retainerPaths';
import type { SnapshotContext } from './analysis';

/** What the analyses see of one open snapshot. */
export function snapshotContext(model: HeapSnapshotModel, snapshotId: string): SnapshotContext {
  const { analysis } = model;
  return {
    snapshotId,
    analysis,
    object: (ordinal) => objectRow(analysis, ordinal),
    pathOf: (ordinal) => shortestRetainingPath(analysis, ordinal).steps,
    ordinalOf: (id) => model.nodeById(id),
  };
}
