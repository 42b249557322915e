import type { ApiClient } from '../../../../shared/contract/client';
import type { ClassSortKey, InstanceSortKey, ObjectFilter, RetainerNoise, RetainersPage } from '../../../../shared/model/heapSnapshots';
import type { TreePage, TreeSource } from '../../../components/tree/lazyTree';
import { foreignSnapshotOf, objectOf, type HeapTreeItem } from './heapTreeItems';

/** `foreign`: the object is in another snapshot than the tree's (its rows say so). */
function edgesOf(client: ApiClient, snapshotId: string, ordinal: number, offset: number, limit: number, foreign?: string): Promise<TreePage<HeapTreeItem>> {
  return client
    .call('getObjectEdges', { snapshotId: foreign ?? snapshotId, ordinal, offset, limit })
    .then((page) => ({ ...page, items: page.items.map((row) => ({ kind: 'edge' as const, row, ...(foreign ? { snapshotId: foreign } : {}) })) }));
}

/** Any object can be opened to the references it holds. */
export function objectChildren(client: ApiClient, snapshotId: string, parent: HeapTreeItem, offset: number, limit: number) {
  const object = objectOf(parent);
  if (!object) return Promise.resolve({ total: 0, offset, items: [] });
  return edgesOf(client, snapshotId, object.ordinal, offset, limit, foreignSnapshotOf(parent));
}

export interface SummaryQuery {
  sortBy: ClassSortKey;
  ascending: boolean;
  filter: string;
  regex: boolean;
  objects: ObjectFilter;
  instanceSortBy: InstanceSortKey;
}

/** Summary: classes, then a class's instances, then each object's references, recursively. */
export function summarySource(client: ApiClient, snapshotId: string, query: SummaryQuery): TreeSource<HeapTreeItem> {
  return {
    async load(parent, offset, limit) {
      if (!parent) {
        const page = await client.call('getSnapshotClasses', {
          snapshotId,
          offset,
          limit,
          sortBy: query.sortBy,
          ascending: query.ascending,
          filter: query.filter || undefined,
          regex: query.regex,
          objects: query.objects,
        });
        return { ...page, items: page.items.map((row) => ({ kind: 'class', row })) };
      }
      if (parent.kind === 'class') {
        const page = await client.call('getClassInstances', {
          snapshotId,
          classId: parent.row.classId,
          offset,
          limit,
          sortBy: query.instanceSortBy,
          ascending: query.instanceSortBy === 'distance' || query.instanceSortBy === 'id',
          objects: query.objects,
        });
        return { ...page, items: page.items.map((row) => ({ kind: 'object', row })) };
      }
      return objectChildren(client, snapshotId, parent, offset, limit);
    },
    hasChildren: (item) => item.kind !== 'class' || item.row.count > 0,
  };
}

/** Containment: the graph as V8 sees it, from the synthetic root. */
export function containmentSource(client: ApiClient, snapshotId: string, rootOrdinal: number): TreeSource<HeapTreeItem> {
  return {
    load: (parent, offset, limit) =>
      parent ? objectChildren(client, snapshotId, parent, offset, limit) : edgesOf(client, snapshotId, rootOrdinal, offset, limit),
    hasChildren: () => true,
  };
}

/** Dominators: what each object keeps alive on its own, biggest first. */
export function dominatorSource(client: ApiClient, snapshotId: string, topOrdinal: number): TreeSource<HeapTreeItem> {
  return {
    async load(parent, offset, limit) {
      const ordinal = parent?.kind === 'object' ? parent.row.ordinal : topOrdinal;
      const page = await client.call('getDominatorChildren', { snapshotId, ordinal, offset, limit });
      return { ...page, items: page.items.map((row) => ({ kind: 'object', row })) };
    },
    hasChildren: (item) => item.kind === 'object' && item.row.retainedSizeBytes > item.row.selfSizeBytes,
  };
}

export interface RetainersQuery {
  ordinal: number;
  hide: RetainerNoise[];
  ignored: number[];
}

/**
 * Retainers: who holds the object, then who holds each of those, toward the roots. The top
 * page's `hidden` counts go to `onHidden` so the toggles can say what they hide.
 */
export function retainersSource(
  client: ApiClient,
  snapshotId: string,
  query: RetainersQuery,
  onHidden: (hidden: RetainersPage['hidden']) => void,
): TreeSource<HeapTreeItem> {
  return {
    async load(parent, offset, limit) {
      const ordinal = objectOf(parent)?.ordinal ?? query.ordinal;
      const page = await client.call('getObjectRetainers', { snapshotId, ordinal, offset, limit, hide: query.hide, ignored: query.ignored });
      if (!parent && offset === 0) onHidden(page.hidden);
      return { total: page.total, offset: page.offset, items: page.items.map((row) => ({ kind: 'retainer', row })) };
    },
    hasChildren: (item) => item.kind === 'retainer' && item.row.node.distance > 0,
  };
}
