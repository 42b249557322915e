import { HeapdeckError } from '../../../shared/contract/errors';
import type { InstanceSortKey } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { UNREACHABLE_DISTANCE } from '../graph/distances';
import type { Selected } from './objectFilters';
import { RecentCache } from './recentCache';
import { sortByKey } from './sortByKey';
import { topByKey } from './topByKey';

const INSTANCE_SORT_KEYS: readonly InstanceSortKey[] = ['retainedSizeBytes', 'selfSizeBytes', 'distance', 'id'];
// Sorting by distance puts objects no path reaches after every reachable one.
const UNREACHABLE_SORT_DISTANCE = 2 ** 31;
// From this many instances, pages within END_ROWS of either end come from a partial order (a
// scan), and the full sort (a few hundred ms for millions) waits until a page in between is asked for.
const PARTIAL_ORDER_MIN = 100_000;
const END_ROWS = 1000;

/** Instances of a class in some order: all of them, or only the rows at one end. */
export interface InstanceOrder {
  total: number;
  /** The ordinal at position `k` of the order (only within the rows it holds). */
  at(k: number): number;
}

/**
 * The instances of one class (those the summary counts: non-zero shallow size, and within the
 * filter's selection), sorted. A class's instances are found by one scan when first asked for
 * (no node-sized index), then ordered per key and direction: fully by radix sort, or, for a
 * page near either end of a big class, by a scan that keeps just those rows. The last few
 * member lists and orders are kept, so further pages are only slices.
 */
export class ClassInstances {
  private readonly members = new RecentCache<Uint32Array>(4);
  private readonly orders = new RecentCache<Uint32Array>(6);
  /** Filtered counts, so paging through a filtered class does not count it again per page. */
  private readonly selectedCounts = new RecentCache<number>(6);
  /** Per class, the first ordinal and one past the last of its objects: later scans need only that span. */
  private spans?: { starts: Uint32Array; ends: Uint32Array };

  constructor(private readonly analysis: HeapAnalysis) {}

  /** Notes every class's span ahead of the first request, so even that one scans only its class's. */
  prepare(): void {
    this.spans ??= scanSpans(this.analysis.classes.classIds, this.analysis.aggregates.counts.length);
  }

  /** An order of the class's instances that holds at least the rows `from` .. `to` - 1. */
  ordered(classId: number, sortBy: InstanceSortKey, ascending: boolean, selected: Selected, from: number, to: number): InstanceOrder {
    const classCount = this.analysis.classes.table.classes.length;
    if (!Number.isInteger(classId) || classId < 0 || classId >= classCount) {
      throw new HeapdeckError('NOT_FOUND', `There is no class number ${classId} in this snapshot.`);
    }
    if (!INSTANCE_SORT_KEYS.includes(sortBy)) {
      throw new HeapdeckError('INVALID_ARGUMENT', `Instances cannot be sorted by "${String(sortBy)}"; use one of ${INSTANCE_SORT_KEYS.join(', ')}.`);
    }
    const orderKey = `${classId}:${sortBy}:${ascending}:${selected.key}`;
    // `sortable`: a copy the sort may reorder (the member list itself stays in snapshot order).
    const instances = (sortable: boolean) => {
      const all = this.membersOf(classId);
      if (selected.selection) return all.filter((ordinal) => selected.selection!.get(ordinal));
      return sortable ? all.slice() : all;
    };
    const full = this.orders.peek(orderKey);
    const total = full?.length ?? this.countOf(classId, selected);
    if (!full && total >= PARTIAL_ORDER_MIN) {
      // Ids grow with snapshot order: the scan goes from the end when it keeps the biggest.
      const backward = (fromEnd: boolean) => (sortBy === 'id' ? ascending === fromEnd : fromEnd);
      const rowsAtEnd = (fromEnd: boolean) => topByKey(instances(false), this.keyOf(sortBy), !ascending, END_ROWS, { fromEnd, backward: backward(fromEnd) });
      if (to <= END_ROWS) {
        const head = this.orders.get(`${orderKey}:head`, () => rowsAtEnd(false));
        return { total, at: (k) => head[k]! };
      }
      if (from >= total - END_ROWS) {
        const tail = this.orders.get(`${orderKey}:tail`, () => rowsAtEnd(true));
        const start = total - tail.length;
        return { total, at: (k) => tail[k - start]! };
      }
    }
    const sorted = full ?? this.orders.get(orderKey, () => sortByKey(instances(true), this.keyOf(sortBy), !ascending));
    return { total: sorted.length, at: (k) => sorted[k]! };
  }

  /** How many instances a request lists, without building the list when the summary knows. */
  private countOf(classId: number, { key, selection }: Selected): number {
    if (!selection) return this.analysis.aggregates.counts[classId]!;
    return this.selectedCounts.get(`${classId}:${key}`, () => {
      let count = 0;
      for (const ordinal of this.membersOf(classId)) if (selection.get(ordinal)) count++;
      return count;
    });
  }

  /**
   * The class's listed objects in snapshot order, found by a scan of the class ids: the first
   * one goes over every object and notes where each class starts and ends, so later ones only
   * cover their class's span (a few objects for most classes).
   */
  private membersOf(classId: number): Uint32Array {
    return this.members.get(String(classId), () => {
      const { classes, graph, aggregates } = this.analysis;
      const { classIds } = classes;
      const { selfSizes } = graph;
      // The summary already counted them, so the list is allocated once, exactly.
      const members = new Uint32Array(aggregates.counts[classId]!);
      if (!this.spans) {
        this.spans = scanSpans(classIds, aggregates.counts.length, { classId, selfSizes, members });
        return members;
      }
      for (let ordinal = this.spans.starts[classId]!, end = this.spans.ends[classId]!, found = 0; ordinal < end; ordinal++) {
        if (classIds[ordinal] === classId && selfSizes[ordinal]) members[found++] = ordinal;
      }
      return members;
    });
  }

  private keyOf(sortBy: InstanceSortKey): (ordinal: number) => number {
    const { retainedSizes, distances, graph } = this.analysis;
    switch (sortBy) {
      case 'retainedSizeBytes':
        return (ordinal) => retainedSizes[ordinal]!;
      case 'selfSizeBytes':
        return (ordinal) => graph.selfSizes[ordinal]!;
      case 'id':
        return (ordinal) => graph.nodeIds[ordinal]!;
      case 'distance':
        return (ordinal) => (distances[ordinal] === UNREACHABLE_DISTANCE ? UNREACHABLE_SORT_DISTANCE : distances[ordinal]!);
    }
  }
}

/** One pass over every object: the span of each class, and (when asked) the listed objects of one class. */
function scanSpans(classIds: Uint32Array, classCount: number, collect?: { classId: number; selfSizes: Float64Array; members: Uint32Array }) {
  const starts = new Uint32Array(classCount).fill(classIds.length);
  const ends = new Uint32Array(classCount);
  const collected = collect?.classId ?? -1;
  for (let ordinal = 0, found = 0; ordinal < classIds.length; ordinal++) {
    const id = classIds[ordinal]!;
    if (starts[id] === classIds.length) starts[id] = ordinal;
    ends[id] = ordinal + 1;
    if (id === collected && collect!.selfSizes[ordinal]) collect!.members[found++] = ordinal;
  }
  return { starts, ends };
}
