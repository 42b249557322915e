import type { TargetDescriptor } from './targets';

/**
 * A snapshot file Heapdeck knows about: taken during a watch (it lives in that session's
 * folder) or opened / imported from elsewhere (the library remembers its path).
 */
export interface SnapshotEntry {
  /** Absolute path; the entry's identity in every call. */
  path: string;
  /** What the user called it (rename), else the file name without `.heapsnapshot`. */
  name: string;
  source: 'session' | 'imported';
  sessionId?: string;
  target?: TargetDescriptor;
  /** When the capture ended, or the file's modification time for imported files. */
  takenAtMs: number;
  sizeBytes: number;
  /** The file is gone from disk (deleted or moved outside Heapdeck). */
  missing: boolean;
  /** Known once the snapshot has been analysed. */
  nodeCount?: number;
  totalSizeBytes?: number;
  lastOpenedAtMs?: number;
}
