import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { LazyTree, TreeRow } from './lazyTree';
import { useColumnWidths } from './useColumnWidths';
import { useTreeVersion } from './useTreeVersion';

export interface TreeColumn<T> {
  id: string;
  label: string;
  /** Pixels; leave undefined for the column that takes the remaining width. */
  width?: number;
  numeric?: boolean;
  /** The server-side sort this column's header asks for, when it can sort. */
  sortKey?: string;
  title?: string;
  render(item: T, row: TreeRow<T> & { kind: 'item' }): ReactNode;
}

export interface TreeSort {
  key: string;
  ascending: boolean;
}

interface VirtualTreeProps<T> {
  tree: LazyTree<T>;
  /** The first column holds the expand arrows and indentation. */
  columns: TreeColumn<T>[];
  label: string;
  testId: string;
  sort?: TreeSort;
  onSort?(key: string): void;
  /** The focused row (the selection), or undefined when the focus is on no item. */
  onSelect?(item: T | undefined): void;
  rowTestId?(item: T): string | undefined;
  emptyText?: string;
}

const ROW_PX = 24;
const OVERSCAN_ROWS = 10;

/**
 * A tree table that renders only the rows in view, over a {@link LazyTree} that loads pages as
 * they scroll in. Keyboard: arrows move and open/close, Enter toggles, Home/End, Page Up/Down.
 */
export function VirtualTree<T>(props: VirtualTreeProps<T>) {
  const { tree, columns, sort, onSort, onSelect } = props;
  useTreeVersion(tree);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(400);
  const [focusPath, setFocusPath] = useState<readonly number[] | null>(null);
  const { template, startResize } = useColumnWidths(columns.map((column) => column.width));

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setViewportPx(element.clientHeight));
    observer.observe(element);
    setViewportPx(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const rowCount = tree.rowCount;
  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN_ROWS);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewportPx) / ROW_PX) + OVERSCAN_ROWS);
  const rows: TreeRow<T>[] = [];
  for (let index = first; index < last; index++) rows.push(tree.rowAt(index)!);
  const focusIndex = focusPath ? tree.indexOf(focusPath) : -1;

  useEffect(() => {
    for (let index = first; index < last; index++) tree.request(index);
  });

  // A new tree (new sort or filter) starts without a selection.
  useEffect(() => {
    setFocusPath(null);
    setScrollTop(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [tree]);

  // A keyboard user stays on a row when the tree is replaced (new sort or filter) under the focus.
  useEffect(() => {
    const first = tree.rowAt(0);
    if (focusPath === null && scroller.current === document.activeElement && first?.kind === 'item') setFocusPath(first.path);
  });

  const focusedRow = focusIndex >= 0 ? tree.rowAt(focusIndex) : undefined;
  const selectedItem = focusedRow?.kind === 'item' ? focusedRow.item : undefined;
  useEffect(() => {
    onSelect?.(selectedItem);
  }, [selectedItem, onSelect]);

  const moveTo = useCallback(
    (index: number) => {
      const clamped = Math.max(0, Math.min(tree.rowCount - 1, index));
      const row = tree.rowAt(clamped);
      if (!row) return;
      setFocusPath(row.path);
      const element = scroller.current;
      if (!element) return;
      const top = clamped * ROW_PX;
      const headerPx = ROW_PX;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + ROW_PX > element.scrollTop + element.clientHeight - headerPx) element.scrollTop = top + ROW_PX - element.clientHeight + headerPx;
    },
    [tree],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor(viewportPx / ROW_PX) - 2);
    const current = focusIndex >= 0 ? focusIndex : -1;
    const row = current >= 0 ? tree.rowAt(current) : undefined;
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          return moveTo(current + 1), true;
        case 'ArrowUp':
          return moveTo(Math.max(0, current - 1)), true;
        case 'PageDown':
          return moveTo(current + pageRows), true;
        case 'PageUp':
          return moveTo(current - pageRows), true;
        case 'Home':
          return moveTo(0), true;
        case 'End':
          return moveTo(tree.rowCount - 1), true;
        case 'ArrowRight':
          if (row?.kind !== 'item' || !row.expandable) return true;
          if (!row.expanded) tree.toggle(row.path, true);
          else moveTo(current + 1);
          return true;
        case 'ArrowLeft':
          if (row?.kind === 'item' && row.expanded) tree.toggle(row.path, false);
          else if (row && row.path.length > 1) moveTo(tree.indexOf(row.path.slice(0, -1)));
          return true;
        case 'Enter':
        case ' ':
          if (row?.kind === 'item') tree.toggle(row.path);
          else if (row?.kind === 'error') tree.request(current, true);
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  return (
    <div
      className="vtree"
      role="treegrid"
      aria-label={props.label}
      aria-rowcount={rowCount}
      tabIndex={0}
      ref={scroller}
      data-testid={props.testId}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (focusIndex < 0 && rowCount > 0 && tree.rowAt(0)?.kind === 'item') moveTo(Math.floor(scrollTop / ROW_PX));
      }}
    >
      <div className="vtree-header" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((column, index) => (
          <div
            key={column.id}
            role="columnheader"
            className={`vtree-cell${column.numeric ? ' num' : ''}${column.sortKey ? ' sortable' : ''}`}
            title={column.title}
            aria-sort={sort && column.sortKey === sort.key ? (sort.ascending ? 'ascending' : 'descending') : undefined}
            onClick={column.sortKey && onSort ? () => onSort(column.sortKey!) : undefined}
            data-testid={`${props.testId}-sort-${column.id}`}
          >
            {column.label}
            {sort && column.sortKey === sort.key && <span aria-hidden="true">{sort.ascending ? ' ▲' : ' ▼'}</span>}
            <span className="vtree-resize" aria-hidden="true" onPointerDown={(event) => startResize(index, event)} onClick={(event) => event.stopPropagation()} />
          </div>
        ))}
      </div>
      <div className="vtree-body" style={{ height: rowCount * ROW_PX }}>
        {rowCount === 0 && props.emptyText && <div className="vtree-empty">{props.emptyText}</div>}
        {rows.map((row, k) => {
          const index = first + k;
          return (
            <TreeLine
              key={row.path.join('.')}
              row={row}
              index={index}
              focused={index === focusIndex}
              columns={columns}
              template={template}
              testId={row.kind === 'item' ? props.rowTestId?.(row.item) : undefined}
              onClick={() => moveTo(index)}
              onToggle={() => row.kind === 'item' && tree.toggle(row.path)}
            />
          );
        })}
      </div>
    </div>
  );
}

interface TreeLineProps<T> {
  row: TreeRow<T>;
  index: number;
  focused: boolean;
  columns: TreeColumn<T>[];
  template: string;
  testId?: string;
  onClick(): void;
  onToggle(): void;
}

function TreeLine<T>({ row, index, focused, columns, template, testId, onClick, onToggle }: TreeLineProps<T>) {
  const indent = { paddingLeft: 6 + row.depth * 16 };
  const style = { top: index * ROW_PX, gridTemplateColumns: template };
  const className = `vtree-row${focused ? ' focused' : ''}`;
  if (row.kind !== 'item') {
    return (
      <div className={className} role="row" aria-level={row.depth + 1} style={style} onClick={onClick}>
        <div className={`vtree-cell vtree-note${row.kind === 'error' ? ' error' : ''}`} style={indent}>
          {row.kind === 'error' ? `Could not load: ${row.error.message} (Enter to retry)` : 'Loading…'}
        </div>
      </div>
    );
  }
  return (
    <div
      className={className}
      role="row"
      aria-level={row.depth + 1}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={focused}
      style={style}
      data-testid={testId}
      onClick={onClick}
      onDoubleClick={onToggle}
    >
      {columns.map((column, k) => (
        <div key={column.id} role="gridcell" className={`vtree-cell${column.numeric ? ' num' : ''}`} style={k === 0 ? indent : undefined}>
          {k === 0 && (
            <span
              className={`vtree-toggle${row.expandable ? '' : ' leaf'}`}
              aria-hidden="true"
              onClick={(event) => {
                event.stopPropagation();
                onClick();
                onToggle();
              }}
            >
              {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
            </span>
          )}
          {column.render(row.item, row)}
        </div>
      ))}
    </div>
  );
}
