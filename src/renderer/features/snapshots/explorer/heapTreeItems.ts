import type { ClassDiffRow } from '../../../../shared/model/comparisons';
import type { ClassRow, EdgeRow, ObjectRow } from '../../../../shared/model/heapSnapshots';

/** Set on rows of another snapshot than the tree's own (a comparison's deleted objects). */
interface Foreign {
  snapshotId?: string;
}

/**
 * The rows of every snapshot tree: a class of the summary, an object (an instance or a
 * dominator child), a reference the parent holds (`edge`), a reference that holds the parent
 * (`retainer`); in a comparison, a class's change and its new or deleted objects.
 */
export type HeapTreeItem =
  | { kind: 'class'; row: ClassRow }
  | ({ kind: 'object'; row: ObjectRow } & Foreign)
  | ({ kind: 'edge'; row: EdgeRow } & Foreign)
  | ({ kind: 'retainer'; row: EdgeRow } & Foreign)
  | { kind: 'classDiff'; row: ClassDiffRow }
  | { kind: 'change'; change: 'new' | 'deleted'; className: string; count: number; snapshotId: string };

/** The object a row stands for (classes and groups stand for none). */
export function objectOf(item: HeapTreeItem | undefined): ObjectRow | undefined {
  if (!item || item.kind === 'class' || item.kind === 'classDiff' || item.kind === 'change') return undefined;
  return item.kind === 'object' ? item.row : item.row.node;
}

/** The snapshot a row's object belongs to, when it is not the tree's own. */
export function foreignSnapshotOf(item: HeapTreeItem | undefined): string | undefined {
  return item && 'snapshotId' in item ? item.snapshotId : undefined;
}
