import { formatBytes } from '../../shared/format/bytes';
import type { SnapshotProgress } from '../../shared/model/snapshots';

/** A capture's progress in words, for the transient status line. */
export function describeSnapshotProgress(progress: SnapshotProgress): string {
  if (progress.phase === 'gc') return 'Collecting garbage first...';
  if (progress.phase === 'capture' && progress.total > 0) {
    return `Capturing: ${Math.round((progress.done / progress.total) * 100)} % of objects, ${formatBytes(progress.bytesWritten)} written`;
  }
  return `Writing: ${formatBytes(progress.bytesWritten)}`;
}
