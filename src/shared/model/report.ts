import type { BudgetResult, Finding } from './findings';
import type { ClassDiffRow, ComparisonInfo, LeakReport, TrendReport } from './comparisons';
import type { ClassRow, HeapStatistics } from './heapSnapshots';
import type { MemorySample } from './metrics';
import type { TargetDescriptor } from './targets';

/** Bumped whenever a field changes meaning or goes away; tools check it before reading. */
export const REPORT_SCHEMA_VERSION = 1;

/** A timeline keeps its shape at this many points (LTTB) while a report stays small. */
export const REPORT_TIMELINE_MAX_POINTS = 600;

/** One snapshot file gives a snapshot report, two a comparison, three or more a trend. */
export type ReportKind = 'snapshot' | 'comparison' | 'trend';

/** A snapshot file the report was made from, so a reader can tell what produced it. */
export interface ReportSnapshotFile {
  snapshotId: string;
  path: string;
  sizeBytes: number;
  /** When the capture ended, or the file's modification time for files from elsewhere. */
  takenAtMs: number;
  nodeCount: number;
  totalSizeBytes: number;
}

/** Something that happened during the recording, drawn on the timeline. */
export interface ReportMarker {
  kind: 'gc' | 'snapshot' | 'alert';
  timestampMs: number;
  /** E.g. `major GC, 12.3 ms`, the snapshot's file name, or the alert's message. */
  label: string;
  level?: 'warning' | 'critical';
}

/** The recorded session the snapshots were taken in, when the report comes from a session folder. */
export interface ReportSession {
  sessionId: string;
  target: TargetDescriptor;
  environment: { product?: string; pid?: number; heapLimitBytes?: number };
  startedAtMs: number;
  endedAtMs?: number;
  /** Samples recorded, before downsampling. */
  totalSamples: number;
  /** At most REPORT_TIMELINE_MAX_POINTS samples, downsampled with LTTB. */
  samples: MemorySample[];
  markers: ReportMarker[];
}

/** One snapshot at a glance: its totals, memory by kind and the classes retaining the most. */
export interface ReportSnapshotSummary {
  snapshotId: string;
  nodeCount: number;
  edgeCount: number;
  classCount: number;
  totalSizeBytes: number;
  statistics: HeapStatistics;
  topClasses: ClassRow[];
}

/** The first and the last snapshot compared: the classes that changed most, by |Δ retained|. */
export interface ReportComparison {
  info: ComparisonInfo;
  classes: ClassDiffRow[];
}

/**
 * Everything a report shows, as plain JSON built from the API's own DTOs (the numbers are the
 * ones the app shows); the HTML and Markdown writers only format it.
 */
export interface HeapdeckReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  heapdeckVersion: string;
  generatedAtMs: number;
  kind: ReportKind;
  /** Oldest first. */
  snapshots: ReportSnapshotFile[];
  /** Files given that could not be read, and why. */
  skipped: { path: string; error: string }[];
  session?: ReportSession;
  summaries: ReportSnapshotSummary[];
  /** Two snapshots. */
  comparison?: ReportComparison;
  /** Three or more snapshots: the trend (its top classes and paths) and the leak candidates. */
  trend?: TrendReport;
  leaks?: LeakReport;
  findings: Finding[];
  budgets?: BudgetResult[];
}
