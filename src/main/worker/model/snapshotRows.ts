import type { ClassRow, HeapStatistics } from '../../../shared/model/heapSnapshots';

// The rows the model hands out are the contract's own DTOs: they cross to the UI unchanged.
export type { ClassRow, EdgeRow, ObjectRow, Page } from '../../../shared/model/heapSnapshots';

export interface SnapshotSummary {
  nodeCount: number;
  edgeCount: number;
  totalSizeBytes: number;
  /** Classes with at least one listed object, biggest retained size first. */
  classes: ClassRow[];
  statistics: HeapStatistics;
  rootOrdinal: number;
  maxObjectId: number;
}

export interface PageRequest {
  offset?: number;
  limit?: number;
}
