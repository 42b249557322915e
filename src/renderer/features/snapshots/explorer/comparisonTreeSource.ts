import type { ApiClient } from '../../../../shared/contract/client';
import type { ClassDiffSortKey, ComparisonInfo } from '../../../../shared/model/comparisons';
import type { TreeSource } from '../../../components/tree/lazyTree';
import { objectChildren } from './heapTreeSources';
import type { HeapTreeItem } from './heapTreeItems';

export interface ComparisonQuery {
  sortBy: ClassDiffSortKey;
  ascending: boolean;
  filter: string;
}

/**
 * A comparison: classes with their change; a class opens to its new objects (in the target)
 * and deleted ones (in the base), and those to their references.
 */
export function comparisonSource(client: ApiClient, comparison: ComparisonInfo, query: ComparisonQuery): TreeSource<HeapTreeItem> {
  const { comparisonId, targetSnapshotId, baseSnapshotId } = comparison;
  return {
    async load(parent, offset, limit) {
      if (!parent) {
        const page = await client.call('getComparisonClasses', {
          comparisonId,
          offset,
          limit,
          sortBy: query.sortBy,
          ascending: query.ascending,
          filter: query.filter || undefined,
        });
        return { ...page, items: page.items.map((row) => ({ kind: 'classDiff', row })) };
      }
      if (parent.kind === 'classDiff') {
        const groups: HeapTreeItem[] = [
          { kind: 'change', change: 'new', className: parent.row.name, count: parent.row.newCount, snapshotId: targetSnapshotId },
          { kind: 'change', change: 'deleted', className: parent.row.name, count: parent.row.deletedCount, snapshotId: baseSnapshotId },
        ];
        const shown = groups.filter((group) => group.kind === 'change' && group.count > 0);
        return { total: shown.length, offset: 0, items: shown };
      }
      if (parent.kind === 'change') {
        const page = await client.call('getComparisonObjects', { comparisonId, className: parent.className, change: parent.change, offset, limit });
        // Deleted objects live in the base snapshot: their rows carry its id for retainers and references.
        const foreign = parent.change === 'deleted' ? { snapshotId: baseSnapshotId } : {};
        return { ...page, items: page.items.map((row) => ({ kind: 'object', row, ...foreign })) };
      }
      return objectChildren(client, targetSnapshotId, parent, offset, limit);
    },
    hasChildren: (item) =>
      item.kind === 'classDiff' ? comparison.matchedById && item.row.newCount + item.row.deletedCount > 0 : item.kind !== 'change' || item.count > 0,
  };
}
