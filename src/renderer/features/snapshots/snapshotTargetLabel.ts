import type { SnapshotEntry } from '../../../shared/model/snapshotLibrary';

/** The group a snapshot belongs to in the library: its target, or "Imported files". */
export function snapshotTargetLabel(entry: SnapshotEntry): string {
  if (!entry.target) return 'Imported files';
  const title = entry.target.title || entry.target.url || 'Untitled target';
  return entry.target.pid === undefined ? title : `${title} (pid ${entry.target.pid})`;
}
