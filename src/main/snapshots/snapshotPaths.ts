import { basename, isAbsolute } from 'node:path';
import { HeapdeckError } from '../../shared/contract/errors';

const SNAPSHOT_EXTENSION = /\.heapsnapshot$/i;

/** Whether a file name is a heap snapshot's, as DevTools and `v8.writeHeapSnapshot` save them. */
export function hasSnapshotExtension(path: string): boolean {
  return SNAPSHOT_EXTENSION.test(path);
}

/** A snapshot's name until the user gives it one: its file name without `.heapsnapshot`. */
export function defaultSnapshotName(path: string): string {
  return basename(path).replace(SNAPSHOT_EXTENSION, '');
}

/** Fails with INVALID_ARGUMENT unless `path` can be a new snapshot file (capture, export). */
export function checkSnapshotPath(path: unknown): asserts path is string {
  if (typeof path !== 'string' || !isAbsolute(path) || !hasSnapshotExtension(path)) {
    throw new HeapdeckError('INVALID_ARGUMENT', `A snapshot is saved to an absolute path ending in .heapsnapshot (got "${String(path)}").`);
  }
}
