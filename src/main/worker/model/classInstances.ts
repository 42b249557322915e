import { HeapdeckError } from '../../../shared/contract/errors';
import type { InstanceSortKey } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { UNREACHABLE_DISTANCE } from '../graph/distances';
import type { Selected } from './objectFilters';
import { RecentCache } from './recentCache';
import { sortByKey } from './sortByKey';

const INSTANCE_SORT_KEYS: readonly InstanceSortKey[] = ['retainedSizeBytes', 'selfSizeBytes', 'distance', 'id'];
// Sorting by distance puts objects no path reaches after every reachable one.
const UNREACHABLE_SORT_DISTANCE = 2 ** 31;

/**
 * The instances of one class (those the summary counts: non-zero shallow size, and within the
 * filter's selection), sorted. The first request groups every listed object by class in one
 * pass (an index kept for good: a node-sized array), so finding any class's instances later is
 * a slice; one radix sort then orders them per key and direction, and the last few orders are
 * kept, so further pages are only slices.
 */
export class ClassInstances {
  private byClass?: { offsets: Float64Array; members: Uint32Array };
  private readonly orders = new RecentCache<Uint32Array>(6);

  constructor(private readonly analysis: HeapAnalysis) {}

  sorted(classId: number, sortBy: InstanceSortKey, ascending: boolean, { key, selection }: Selected): Uint32Array {
    const classCount = this.analysis.classes.table.classes.length;
    if (!Number.isInteger(classId) || classId < 0 || classId >= classCount) {
      throw new HeapdeckError('NOT_FOUND', `There is no class number ${classId} in this snapshot.`);
    }
    if (!INSTANCE_SORT_KEYS.includes(sortBy)) {
      throw new HeapdeckError('INVALID_ARGUMENT', `Instances cannot be sorted by "${String(sortBy)}"; use one of ${INSTANCE_SORT_KEYS.join(', ')}.`);
    }
    return this.orders.get(`${classId}:${sortBy}:${ascending}:${key}`, () => {
      const all = this.membersOf(classId);
      // A copy either way: the index itself stays in snapshot order.
      const instances = selection ? all.filter((ordinal) => selection.get(ordinal)) : all.slice();
      return sortByKey(instances, this.keyOf(sortBy), !ascending);
    });
  }

  private membersOf(classId: number): Uint32Array {
    if (!this.byClass) {
      const { classes, graph, aggregates } = this.analysis;
      const { classIds } = classes;
      const { selfSizes } = graph;
      // The summary already counted each class's listed objects: those counts place the groups.
      const offsets = new Float64Array(aggregates.counts.length + 1);
      for (let id = 0; id < aggregates.counts.length; id++) offsets[id + 1] = offsets[id]! + aggregates.counts[id]!;
      const members = new Uint32Array(offsets[aggregates.counts.length]!);
      const cursors = offsets.slice(0, -1);
      for (let ordinal = 0; ordinal < graph.nodeCount; ordinal++) {
        if (selfSizes[ordinal]) members[cursors[classIds[ordinal]!]!++] = ordinal;
      }
      this.byClass = { offsets, members };
    }
    const { offsets, members } = this.byClass;
    return members.subarray(offsets[classId]!, offsets[classId + 1]!);
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
