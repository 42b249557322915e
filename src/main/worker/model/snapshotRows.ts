import type { ClassRow, HeapStatistics, Page } from '../../../shared/model/heapSnapshots';

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

const DEFAULT_PAGE = 100;

/** The rows `offset` .. `end` - 1 that `request` asks for of a list of `total` rows. */
export function pageWindow(total: number, request: PageRequest): { offset: number; end: number } {
  const offset = Math.max(0, Math.min(request.offset ?? 0, total));
  return { offset, end: Math.min(total, offset + Math.max(0, request.limit ?? DEFAULT_PAGE)) };
}

/** The window `request` asks for of a list of `total` rows, each made by `row(index)`. */
export function pageOf<T>(total: number, request: PageRequest, row: (index: number) => T): Page<T> {
  const { offset, end } = pageWindow(total, request);
  const items: T[] = [];
  for (let k = offset; k < end; k++) items.push(row(k));
  return { total, offset, items };
}
