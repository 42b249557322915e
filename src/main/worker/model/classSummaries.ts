import { HeapdeckError } from '../../../shared/contract/errors';
import type { ClassSortKey, ObjectFilter } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { aggregateClasses } from '../graph/classAggregates';
import type { DominatorTree } from '../graph/dominatorTree';
import { classRowsOf, sortClassRows } from './classRows';
import { compileNameFilter } from './nameFilter';
import type { ObjectSelections } from './objectFilters';
import { RecentCache } from './recentCache';
import { pageOf, type ClassRow, type Page, type PageRequest } from './snapshotRows';

const CLASS_SORT_KEYS: readonly ClassSortKey[] = ['retainedSizeBytes', 'shallowSizeBytes', 'count', 'name', 'minDistance'];

export interface ClassPageRequest extends PageRequest {
  sortBy?: ClassSortKey;
  ascending?: boolean;
  filter?: string;
  regex?: boolean;
  objects?: ObjectFilter;
}

/**
 * The summary by class, for all objects or for those an ObjectFilter selects (counts, sizes
 * and retained sizes recomputed over them), sorted and filtered by name. Rows per filter, their
 * sorted orders and the last name-filtered list are cached, so scrolling is only slicing.
 */
export class ClassSummaries {
  private readonly rows = new RecentCache<ClassRow[]>(4);
  private readonly sorted = new RecentCache<ClassRow[]>(8);
  private readonly matching = new RecentCache<ClassRow[]>(2);

  constructor(
    private readonly analysis: HeapAnalysis,
    private readonly selections: ObjectSelections,
    private readonly dominatorTree: () => DominatorTree,
  ) {}

  page({ sortBy = 'retainedSizeBytes', ascending = false, filter, regex, objects, ...window }: ClassPageRequest): Page<ClassRow> {
    if (!CLASS_SORT_KEYS.includes(sortBy)) {
      throw new HeapdeckError('INVALID_ARGUMENT', `Classes cannot be sorted by "${String(sortBy)}"; use one of ${CLASS_SORT_KEYS.join(', ')}.`);
    }
    const matches = compileNameFilter(filter, regex);
    const { key, selection } = this.selections.select(objects);
    const sortKey = `${key}#${sortBy}:${ascending}`;
    const sorted = () =>
      this.sorted.get(sortKey, () => {
        const rows = this.rows.get(key, () => this.rowsFor(selection));
        return sortClassRows(rows, sortBy, ascending);
      });
    const rows = matches ? this.matching.get(`${sortKey}#${regex ? 're' : 'text'}:${filter}`, () => sorted().filter((row) => matches(row.name))) : sorted();
    return pageOf(rows.length, window, (k) => rows[k]!);
  }

  private rowsFor(selection: Parameters<typeof aggregateClasses>[0]['selection']): ClassRow[] {
    const { graph, classes, aggregates, retainedSizes, distances } = this.analysis;
    if (!selection) return classRowsOf(classes.table, aggregates);
    const filtered = aggregateClasses({
      classIds: classes.classIds,
      classCount: classes.table.classes.length,
      selfSizes: graph.selfSizes,
      retainedSizes,
      distances,
      tree: this.dominatorTree(),
      rootOrdinal: graph.rootOrdinal,
      selection,
    });
    return classRowsOf(classes.table, filtered);
  }
}
