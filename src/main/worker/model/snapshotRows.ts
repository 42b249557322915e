import type { HeapStatistics } from '../graph/statistics';

/** One object of the heap, as a row of a table. Distances follow DevTools (see distances.ts). */
export interface ObjectRow {
  ordinal: number;
  /** V8's object id, stable across snapshots of one process (what diffs match on). */
  id: number;
  name: string;
  className: string;
  type: string;
  selfSizeBytes: number;
  retainedSizeBytes: number;
  distance: number;
}

/** An edge seen from one end: `node` is the target for outgoing edges, the retainer for retainers. */
export interface EdgeRow {
  edgeOrdinal: number;
  type: string;
  name: string;
  node: ObjectRow;
}

/** One line of the class summary. */
export interface ClassRow {
  classId: number;
  name: string;
  /** Where the constructor is, for classes of objects V8 recorded one for. */
  location?: { scriptId: number; line: number; column: number };
  count: number;
  shallowSizeBytes: number;
  retainedSizeBytes: number;
  minDistance: number;
}

export interface SnapshotSummary {
  nodeCount: number;
  edgeCount: number;
  totalSizeBytes: number;
  /** Classes with at least one listed object, biggest retained size first. */
  classes: ClassRow[];
  statistics: HeapStatistics;
}

export interface PageRequest {
  offset?: number;
  limit?: number;
}

export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}
