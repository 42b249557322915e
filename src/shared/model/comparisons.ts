import type { ObjectRow } from './heapSnapshots';

/**
 * Two open snapshots compared. With `matchedById`, objects are matched by V8 id (two snapshots
 * of one process whose ids were not reset); otherwise only class totals are compared and
 * `warning` says why.
 */
export interface ComparisonInfo {
  comparisonId: string;
  baseSnapshotId: string;
  targetSnapshotId: string;
  matchedById: boolean;
  warning?: string;
  baseTotalBytes: number;
  targetTotalBytes: number;
  /** Objects only in the target (allocated since the base and still alive); 0 without ids. */
  newCount: number;
  newShallowBytes: number;
  /** Objects only in the base (freed since). */
  deletedCount: number;
  deletedShallowBytes: number;
}

/** One class across two snapshots; classes match by name. */
export interface ClassDiffRow {
  name: string;
  baseCount: number;
  targetCount: number;
  newCount: number;
  deletedCount: number;
  deltaCount: number;
  newShallowBytes: number;
  deletedShallowBytes: number;
  deltaShallowBytes: number;
  baseRetainedBytes: number;
  targetRetainedBytes: number;
  /** What DevTools' Comparison view lacks: the change in memory the class keeps alive. */
  deltaRetainedBytes: number;
}

export type ClassDiffSortKey = 'deltaRetainedBytes' | 'deltaShallowBytes' | 'deltaCount' | 'newCount' | 'deletedCount' | 'name';

/** One step of a retaining path, read from the object toward the GC roots. */
export interface PathStep {
  /** The reference from `holder` to the previous step's object, as DevTools names it. */
  edgeName: string;
  edgeType: string;
  holder: ObjectRow;
}

/** A group of objects retained the same way (their paths to the roots match by class and edge). */
export interface RetainerCluster {
  /**
   * The pattern, e.g. `global.server → Server.cache → Map.table → (array)[]`: one `Holder.edge`
   * per step, root side first (read like a property path, ending at the objects' holder),
   * indexes, numbered slots and dictionary keys generalised to `[]`.
   */
  pattern: string;
  count: number;
  retainedBytes: number;
  /** The objects' class names, most common first. */
  classNames: string[];
  /** The path of one object of the cluster, from it toward the roots. */
  representative: { object: ObjectRow; path: PathStep[] };
}

/**
 * MemLab's leak candidates: objects allocated after the baseline, alive in the target and still
 * alive in the final snapshot, with noise removed, clustered by retainer path. Objects are those
 * of the target snapshot.
 */
export interface LeakReport {
  baselineSnapshotId: string;
  targetSnapshotId: string;
  finalSnapshotId: string;
  /** How many objects passed the allocation test, and how many of them the noise filters removed. */
  candidateCount: number;
  filteredCount: number;
  /** Which noise filters ran, in words (for the report and the UI). */
  filters: string[];
  clusters: RetainerCluster[];
}

/** One class over a series of snapshots (oldest first). */
export interface TrendClassRow {
  name: string;
  counts: number[];
  shallowBytes: number[];
  retainedBytes: number[];
  /** Count and retained size went up between every two consecutive snapshots. */
  grewEveryTime: boolean;
  /** Last above first by more than noise. */
  grewOverall: boolean;
}

/** One retaining-path pattern over a series: how many objects it holds in each snapshot. */
export interface TrendPathRow {
  pattern: string;
  counts: number[];
  retainedBytes: number[];
  grewEveryTime: boolean;
}

/** A series of open snapshots of one target, oldest first, class by class and path by path. */
export interface TrendReport {
  snapshotIds: string[];
  totalBytes: number[];
  /** Classes that grew overall first (by retained growth), then the rest; at most 1000. */
  classes: TrendClassRow[];
  /** The retaining-path patterns holding the most objects in the last snapshot; at most 100. */
  paths: TrendPathRow[];
  /** E.g. ids reset between two snapshots, or snapshots of different processes. */
  warnings: string[];
}
