import { HeapdeckError } from '../../../shared/contract/errors';
import type { ClassDiffRow, ClassDiffSortKey, ComparisonInfo, RetainerCluster } from '../../../shared/model/comparisons';
import type { Page } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { compileNameFilter } from '../model/nameFilter';
import { RecentCache } from '../model/recentCache';
import { pageOf, type PageRequest } from '../model/snapshotRows';
import { sortByKey } from '../model/sortByKey';
import { selectCandidates } from './candidateSelection';
import { matchById } from './idMatching';
import type { ObjectExport } from './objectExport';
import { clusterByRetainingPath } from './retainerClusters';

const SORT_KEYS: readonly ClassDiffSortKey[] = ['deltaRetainedBytes', 'deltaShallowBytes', 'deltaCount', 'newCount', 'deletedCount', 'name'];

/** What the worker knows of a comparison; main adds the ids. */
export type ComparisonTotals = Omit<ComparisonInfo, 'comparisonId' | 'baseSnapshotId' | 'targetSnapshotId'>;

export interface ClassDiffRequest extends PageRequest {
  sortBy?: ClassDiffSortKey;
  ascending?: boolean;
  filter?: string;
}

/** Objects of one class that are new (ordinals of the target) or deleted (ordinals of the base), biggest retained first. */
export type ObjectOrdinalsPage = Page<number>;

/** Objects of one change kind, compactly: ordinals, retained sizes and class-name indexes side by side. */
interface ChangedObjects {
  ordinals: Uint32Array;
  retainedSizes: Float64Array;
  selfSizes: Float64Array;
  names: Uint32Array;
}

/**
 * Two snapshots compared, kept by the target snapshot's worker: the base arrives as an
 * ObjectExport, is merged with the target's own by id, and only the changed objects are kept.
 */
export class SnapshotComparison {
  readonly totals: ComparisonTotals;
  private readonly rows: ClassDiffRow[];
  private readonly created: ChangedObjects;
  private readonly deleted: ChangedObjects;
  private readonly names: string[];
  private readonly sorted = new RecentCache<ClassDiffRow[]>(4);
  private readonly byClass = new RecentCache<Uint32Array>(4);

  constructor(
    private readonly analysis: HeapAnalysis,
    base: ObjectExport,
    target: ObjectExport,
  ) {
    const match = matchById(base, target);
    const indexOf = new Map<string, number>();
    const unify = (names: string[]) =>
      Uint32Array.from(names, (name) => {
        let index = indexOf.get(name);
        if (index === undefined) indexOf.set(name, (index = indexOf.size));
        return index;
      });
    const baseNames = unify(base.totals.names);
    const targetNames = unify(target.totals.names);
    this.names = [...indexOf.keys()];
    const none = new Uint32Array(0);
    this.created = changedObjects(target, match.matchedById ? match.newPositions : none, targetNames);
    this.deleted = changedObjects(base, match.matchedById ? match.deletedPositions : none, baseNames);
    this.rows = this.diffRows(base, target, baseNames, targetNames);
    const sumSelf = (objects: ChangedObjects) => objects.selfSizes.reduce((sum, size) => sum + size, 0);
    this.totals = {
      matchedById: match.matchedById,
      ...(match.warning ? { warning: `${match.warning} Classes are compared by name and totals only (no new or deleted objects).` } : {}),
      baseTotalBytes: base.totalBytes,
      targetTotalBytes: target.totalBytes,
      newCount: this.created.ordinals.length,
      newShallowBytes: sumSelf(this.created),
      deletedCount: this.deleted.ordinals.length,
      deletedShallowBytes: sumSelf(this.deleted),
    };
  }

  /** The classes that changed, sorted (default: biggest retained growth first) and filtered by name. */
  classes({ sortBy = 'deltaRetainedBytes', ascending = false, filter, ...window }: ClassDiffRequest): Page<ClassDiffRow> {
    if (!SORT_KEYS.includes(sortBy)) {
      throw new HeapdeckError('INVALID_ARGUMENT', `Compared classes cannot be sorted by "${String(sortBy)}"; use one of ${SORT_KEYS.join(', ')}.`);
    }
    const sorted = this.sorted.get(`${sortBy}:${ascending}`, () => sortDiffRows(this.rows, sortBy, ascending));
    const matches = compileNameFilter(filter);
    const rows = matches ? sorted.filter((row) => matches(row.name)) : sorted;
    return pageOf(rows.length, window, (k) => rows[k]!);
  }

  /** A page of one class's new or deleted objects, as ordinals of the snapshot they live in. */
  objects(className: string, change: 'new' | 'deleted', page: PageRequest): ObjectOrdinalsPage {
    if (change !== 'new' && change !== 'deleted') {
      throw new HeapdeckError('INVALID_ARGUMENT', `A change is "new" or "deleted", not "${String(change)}".`);
    }
    const objects = change === 'new' ? this.created : this.deleted;
    const name = this.names.indexOf(className);
    const positions = this.byClass.get(`${change}:${className}`, () => {
      const picked: number[] = [];
      for (let k = 0; k < objects.names.length; k++) if (objects.names[k] === name) picked.push(k);
      return sortByKey(Uint32Array.from(picked), (k) => objects.retainedSizes[k]!, true);
    });
    return pageOf(positions.length, page, (k) => objects.ordinals[positions[k]!]!);
  }

  /**
   * The new objects grouped by retaining path, biggest retained first, after the candidate
   * filters (see CANDIDATE_FILTERS): V8's own objects and strings left out, and objects inside
   * another new object's retained tree counted in it. Over MAX_CLUSTERED_OBJECTS objects, counts
   * and sizes are estimated from a deterministic sample (see clusterByRetainingPath).
   */
  allocatedClusters(limit: number): RetainerCluster[] {
    const { roots } = selectCandidates(this.analysis, this.created.ordinals);
    return clusterByRetainingPath(this.analysis, roots, { limit }).clusters;
  }

  private diffRows(base: ObjectExport, target: ObjectExport, baseNames: Uint32Array, targetNames: Uint32Array): ClassDiffRow[] {
    const size = this.names.length;
    const fields = ['baseCount', 'targetCount', 'baseShallow', 'targetShallow', 'baseRetained', 'targetRetained', 'newCount', 'newShallow', 'deletedCount', 'deletedShallow'] as const;
    const columns = Object.fromEntries(fields.map((field) => [field, new Float64Array(size)])) as Record<(typeof fields)[number], Float64Array>;
    base.totals.names.forEach((_, k) => {
      const at = baseNames[k]!;
      columns.baseCount[at] = base.totals.counts[k]!;
      columns.baseShallow[at] = base.totals.shallowBytes[k]!;
      columns.baseRetained[at] = base.totals.retainedBytes[k]!;
    });
    target.totals.names.forEach((_, k) => {
      const at = targetNames[k]!;
      columns.targetCount[at] = target.totals.counts[k]!;
      columns.targetShallow[at] = target.totals.shallowBytes[k]!;
      columns.targetRetained[at] = target.totals.retainedBytes[k]!;
    });
    const tally = (objects: ChangedObjects, count: Float64Array, shallow: Float64Array) => {
      for (let k = 0; k < objects.names.length; k++) {
        count[objects.names[k]!]!++;
        shallow[objects.names[k]!]! += objects.selfSizes[k]!;
      }
    };
    tally(this.created, columns.newCount, columns.newShallow);
    tally(this.deleted, columns.deletedCount, columns.deletedShallow);
    const rows: ClassDiffRow[] = [];
    for (let at = 0; at < size; at++) {
      const row: ClassDiffRow = {
        name: this.names[at]!,
        baseCount: columns.baseCount[at]!,
        targetCount: columns.targetCount[at]!,
        newCount: columns.newCount[at]!,
        deletedCount: columns.deletedCount[at]!,
        deltaCount: columns.targetCount[at]! - columns.baseCount[at]!,
        newShallowBytes: columns.newShallow[at]!,
        deletedShallowBytes: columns.deletedShallow[at]!,
        deltaShallowBytes: columns.targetShallow[at]! - columns.baseShallow[at]!,
        baseRetainedBytes: columns.baseRetained[at]!,
        targetRetainedBytes: columns.targetRetained[at]!,
        deltaRetainedBytes: columns.targetRetained[at]! - columns.baseRetained[at]!,
      };
      if (row.newCount || row.deletedCount || row.deltaCount || row.deltaShallowBytes || row.deltaRetainedBytes) rows.push(row);
    }
    return rows;
  }
}

function changedObjects(from: ObjectExport, positions: Uint32Array, unifiedNames: Uint32Array): ChangedObjects {
  return {
    ordinals: positions.map((at) => from.ordinals[at]!),
    retainedSizes: Float64Array.from(positions, (at) => from.retainedSizes[at]!),
    selfSizes: Float64Array.from(positions, (at) => from.selfSizes[at]!),
    names: positions.map((at) => unifiedNames[from.nameIndexes[at]!]!),
  };
}

/** A sorted copy; ties by name so pages never shuffle between requests. */
function sortDiffRows(rows: readonly ClassDiffRow[], sortBy: ClassDiffSortKey, ascending: boolean): ClassDiffRow[] {
  const direction = ascending ? 1 : -1;
  const compare = sortBy === 'name' ? (a: ClassDiffRow, b: ClassDiffRow) => a.name.localeCompare(b.name) : (a: ClassDiffRow, b: ClassDiffRow) => a[sortBy] - b[sortBy];
  return [...rows].sort((a, b) => direction * compare(a, b) || a.name.localeCompare(b.name));
}
