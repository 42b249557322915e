/** One V8 heap space (new, old, code, large object, ...) at sample time. */
export interface HeapSpaceSample {
  name: string;
  usedBytes: number;
  sizeBytes: number;
}

/**
 * One reading of a target's memory. Node targets fill the process fields, Chrome targets the
 * DOM fields; every field a target cannot give is absent rather than zero.
 */
export interface MemorySample {
  watchId: string;
  timestampMs: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** V8's heap size limit (`heap_size_limit`). */
  heapLimitBytes?: number;
  rssBytes?: number;
  externalBytes?: number;
  arrayBuffersBytes?: number;
  spaces?: HeapSpaceSample[];
  domNodes?: number;
  jsEventListeners?: number;
  documents?: number;
  frames?: number;
}

export type GcKind = 'minor' | 'major' | 'incremental' | 'weak-callbacks' | 'unknown';

/** One garbage collection reported by the target itself (not inferred from heap drops). */
export interface GcEvent {
  watchId: string;
  timestampMs: number;
  kind: GcKind;
  durationMs: number;
  /** True when Heapdeck asked for it (Force GC). */
  forced: boolean;
  /** Heap used right after a major GC: the baseline the leak detector follows. */
  heapUsedAfterBytes?: number;
}

export type AlertKind = 'heap-warning' | 'heap-critical' | 'leak-suspicion';

export interface Alert {
  watchId: string;
  timestampMs: number;
  kind: AlertKind;
  level: 'warning' | 'critical';
  message: string;
  heapUsedBytes?: number;
  /** Heap used as a share (0..1) of the heap limit. */
  shareOfLimit?: number;
  /** Leak suspicion: growth of the post-GC baseline. */
  slopeBytesPerMinute?: number;
  /** Leak suspicion: R² of the baseline's linear fit, 0..1. */
  confidence?: number;
  /** Leak suspicion: how many post-GC baselines the trend rests on. */
  baselineCount?: number;
}

/** Thresholds for alerts; shares are of the heap limit (0..1). */
export interface AlertSettings {
  warningShare: number;
  criticalShare: number;
  /** How many consecutive post-GC baselines the leak trend is fitted on. */
  leakWindow: number;
  /** Minimum R² of the fit to call it a trend. */
  leakMinConfidence: number;
  /** Minimum rise of the baseline over the window, so noise of a few KB is not a leak. */
  leakMinGrowthBytes: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  warningShare: 0.8,
  criticalShare: 0.9,
  leakWindow: 5,
  leakMinConfidence: 0.8,
  leakMinGrowthBytes: 1024 * 1024,
};

/** A line a launched script wrote to stdout or stderr. */
export interface LogLine {
  watchId: string;
  timestampMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export const SAMPLE_INTERVAL_MS = { min: 250, max: 60_000, default: 1000 } as const;
