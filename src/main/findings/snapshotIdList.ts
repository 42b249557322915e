import { HeapdeckError } from '../../shared/contract/errors';

const MAX_SERIES = 100;

/** A series of open snapshots as a request names them, oldest first; refused when malformed. */
export function checkedSnapshotIds(snapshotIds: unknown): string[] {
  if (!Array.isArray(snapshotIds) || snapshotIds.length === 0 || snapshotIds.length > MAX_SERIES) {
    throw new HeapdeckError('INVALID_ARGUMENT', `Name 1 to ${MAX_SERIES} open snapshots, oldest first.`);
  }
  for (const id of snapshotIds) {
    if (typeof id !== 'string' || id === '') throw new HeapdeckError('INVALID_ARGUMENT', 'Snapshots are named by their snapshotId (a string).');
  }
  if (new Set(snapshotIds).size !== snapshotIds.length) {
    throw new HeapdeckError('INVALID_ARGUMENT', 'A snapshot is named twice in the series; name each one once, oldest first.');
  }
  return snapshotIds as string[];
}
