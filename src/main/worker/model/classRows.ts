import type { ClassAggregates } from '../graph/classAggregates';
import type { ClassTable } from '../graph/classTable';
import type { ClassSortKey } from '../../../shared/model/heapSnapshots';
import type { ClassRow } from './snapshotRows';

/** One row per class with at least one listed object, biggest retained size first. */
export function classRowsOf(table: ClassTable, aggregates: ClassAggregates): ClassRow[] {
  const rows: ClassRow[] = [];
  table.classes.forEach((info, classId) => {
    const count = aggregates.counts[classId]!;
    if (count === 0) return;
    rows.push({
      classId,
      name: info.name,
      ...(info.location ? { location: info.location } : {}),
      count,
      shallowSizeBytes: aggregates.shallowSizes[classId]!,
      retainedSizeBytes: aggregates.retainedSizes[classId]!,
      minDistance: aggregates.minDistances[classId]!,
    });
  });
  return sortClassRows(rows, 'retainedSizeBytes', false);
}

/** A sorted copy; ties go by class id so pages never shuffle between requests. */
export function sortClassRows(rows: readonly ClassRow[], sortBy: ClassSortKey, ascending: boolean): ClassRow[] {
  const direction = ascending ? 1 : -1;
  const compare =
    sortBy === 'name'
      ? (a: ClassRow, b: ClassRow) => a.name.localeCompare(b.name)
      : (a: ClassRow, b: ClassRow) => a[sortBy] - b[sortBy];
  return [...rows].sort((a, b) => direction * compare(a, b) || a.classId - b.classId);
}
