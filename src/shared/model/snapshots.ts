import type { ErrorDto } from '../contract/errors';
import type { OpenedSnapshotInfo } from './heapSnapshots';
import type { TargetDescriptor } from './targets';

/** How to take a heap snapshot (`HeapProfiler.takeHeapSnapshot` options). */
export interface SnapshotOptions {
  /** Run a full GC first, so the snapshot holds only what is reachable. Default true. */
  collectGarbageFirst?: boolean;
  /** Include V8 internals (hidden classes, feedback vectors...). Default false. */
  exposeInternals?: boolean;
  /** Record the values of heap numbers. Default false. */
  captureNumericValue?: boolean;
  /**
   * Also analyse the snapshot while it streams in, so it is open (`snapshot` in the result)
   * the moment the capture ends. Default false.
   */
  analyze?: boolean;
}

/**
 * Where a capture is: `gc` (collecting first), `capture` (V8 walks the heap; done/total are
 * its object counts), `write` (chunks streamed to disk; bytes so far), `done`.
 */
export interface SnapshotProgress {
  watchId: string;
  phase: 'gc' | 'capture' | 'write' | 'done';
  done: number;
  total: number;
  bytesWritten: number;
}

/** A heap snapshot file on disk and where it came from. */
export interface SnapshotFileInfo {
  path: string;
  sizeBytes: number;
  takenAtMs: number;
  durationMs: number;
  watchId?: string;
  sessionId?: string;
  target?: TargetDescriptor;
  /** With `analyze`: the snapshot, open for page requests. */
  snapshot?: OpenedSnapshotInfo;
  /** With `analyze`: why the file (kept) could not be analysed. */
  analysisError?: ErrorDto;
}
