import type { ClassRow, EdgeRow, ObjectRow } from '../../../../shared/model/heapSnapshots';

/**
 * The rows of every snapshot tree: a class of the summary, an object (an instance or a
 * dominator child), a reference the parent holds (`edge`), or a reference that holds the
 * parent (`retainer`).
 */
export type HeapTreeItem =
  | { kind: 'class'; row: ClassRow }
  | { kind: 'object'; row: ObjectRow }
  | { kind: 'edge'; row: EdgeRow }
  | { kind: 'retainer'; row: EdgeRow };

/** The object a row stands for (classes stand for none). */
export function objectOf(item: HeapTreeItem | undefined): ObjectRow | undefined {
  if (!item || item.kind === 'class') return undefined;
  return item.kind === 'object' ? item.row : item.row.node;
}
