import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';

export interface TreePage<T> {
  total: number;
  offset: number;
  items: T[];
}

/** Where a tree's rows come from: pages of children, asked for only when scrolled into view. */
export interface TreeSource<T> {
  /** Children of `parent`; `undefined` asks for the top level. */
  load(parent: T | undefined, offset: number, limit: number): Promise<TreePage<T>>;
  hasChildren(item: T): boolean;
}

/** One visible line: an item, a row whose page is on its way, or a failed page. */
export type TreeRow<T> =
  | { kind: 'item'; path: readonly number[]; depth: number; item: T; expanded: boolean; expandable: boolean }
  | { kind: 'pending'; path: readonly number[]; depth: number }
  | { kind: 'error'; path: readonly number[]; depth: number; error: ErrorDto };

interface Branch<T> {
  /** The item whose children these are; undefined for the top level. */
  item: T | undefined;
  /** Unknown until the first page arrives (the branch shows one pending row until then). */
  total: number | undefined;
  items: Map<number, T>;
  loading: Set<number>;
  error?: ErrorDto;
  /** Expanded children by index. */
  expanded: Map<number, Branch<T>>;
}

export const TREE_PAGE_SIZE = 100;

function newBranch<T>(item: T | undefined): Branch<T> {
  return { item, total: undefined, items: new Map(), loading: new Set(), expanded: new Map() };
}

function sortedExpanded<T>(branch: Branch<T>): [number, Branch<T>][] {
  return [...branch.expanded].sort((a, b) => a[0] - b[0]);
}

/**
 * A tree of unknown size whose children are loaded by page on demand. Rows are addressed by
 * their visible index or by their path of child indexes; a million children under one node cost
 * nothing until they are scrolled to, because only expanded branches are walked.
 */
export class LazyTree<T> {
  private readonly root = newBranch<T>(undefined);
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private disposed = false;

  constructor(private readonly source: TreeSource<T>) {
    this.ensureLoaded(this.root, 0);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever a page arrives or a node opens or closes (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  /** Stops applying pages that arrive later (the tree was replaced, e.g. by a new sort). */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  /** How many rows are visible. */
  get rowCount(): number {
    return this.countRows(this.root);
  }

  /** The top level's size once known. */
  get total(): number | undefined {
    return this.root.total;
  }

  rowAt(index: number): TreeRow<T> | undefined {
    if (index < 0 || index >= this.rowCount) return undefined;
    return this.locate(this.root, index, 0, []);
  }

  /** The visible index of the row at `path`, or -1 when a parent on the way is collapsed. */
  indexOf(path: readonly number[]): number {
    let branch = this.root;
    let index = 0;
    for (let level = 0; level < path.length; level++) {
      const target = path[level]!;
      const last = level === path.length - 1;
      // A branch still loading shows one pending row, which the focus may already be on.
      if (branch.total === undefined) return last && target === 0 ? index : -1;
      if (target >= branch.total) return -1;
      index += target;
      for (const [childIndex, child] of branch.expanded) if (childIndex < target) index += this.countRows(child);
      if (last) return index;
      const next = branch.expanded.get(target);
      if (!next) return -1;
      branch = next;
      index += 1;
    }
    return -1;
  }

  /**
   * Starts loading the page that holds the row at `index`, if it is not there yet. A failed page
   * is loaded again only with `retry`, so a broken source cannot loop.
   */
  request(index: number, retry = false): void {
    const row = this.rowAt(index);
    if (row?.kind !== 'pending' && !(retry && row?.kind === 'error')) return;
    const parent = this.branchAt(row.path.slice(0, -1));
    if (parent) this.ensureLoaded(parent, row.path[row.path.length - 1]!);
  }

  isExpanded(path: readonly number[]): boolean {
    return this.branchAt(path) !== undefined && path.length > 0;
  }

  /** Opens or closes the row at `path`; returns whether it is now open. */
  toggle(path: readonly number[], open?: boolean): boolean {
    const parent = this.branchAt(path.slice(0, -1));
    const index = path[path.length - 1];
    if (!parent || index === undefined) return false;
    const item = parent.items.get(index);
    if (item === undefined || !this.source.hasChildren(item)) return false;
    const isOpen = parent.expanded.has(index);
    const shouldOpen = open ?? !isOpen;
    if (shouldOpen === isOpen) return isOpen;
    if (shouldOpen) {
      const branch = newBranch(item);
      parent.expanded.set(index, branch);
      this.ensureLoaded(branch, 0);
    } else {
      parent.expanded.delete(index);
    }
    this.changed();
    return shouldOpen;
  }

  private branchAt(path: readonly number[]): Branch<T> | undefined {
    let branch: Branch<T> | undefined = this.root;
    for (const index of path) branch = branch?.expanded.get(index);
    return branch;
  }

  private countRows(branch: Branch<T>): number {
    if (branch.total === undefined) return 1;
    let rows = branch.total;
    for (const child of branch.expanded.values()) rows += this.countRows(child);
    return rows;
  }

  private locate(branch: Branch<T>, index: number, depth: number, path: number[]): TreeRow<T> {
    if (branch.total === undefined) {
      return branch.error ? { kind: 'error', path: [...path, 0], depth, error: branch.error } : { kind: 'pending', path: [...path, 0], depth };
    }
    let next = 0;
    for (const [childIndex, child] of sortedExpanded(branch)) {
      const plainRows = childIndex - next + 1;
      if (index < plainRows) return this.itemRow(branch, next + index, depth, path);
      index -= plainRows;
      const childRows = this.countRows(child);
      if (index < childRows) return this.locate(child, index, depth + 1, [...path, childIndex]);
      index -= childRows;
      next = childIndex + 1;
    }
    return this.itemRow(branch, next + index, depth, path);
  }

  private itemRow(branch: Branch<T>, childIndex: number, depth: number, parentPath: number[]): TreeRow<T> {
    const path = [...parentPath, childIndex];
    const item = branch.items.get(childIndex);
    if (item === undefined) {
      return branch.error ? { kind: 'error', path, depth, error: branch.error } : { kind: 'pending', path, depth };
    }
    return { kind: 'item', path, depth, item, expanded: branch.expanded.has(childIndex), expandable: this.source.hasChildren(item) };
  }

  private ensureLoaded(branch: Branch<T>, childIndex: number): void {
    const page = Math.floor(childIndex / TREE_PAGE_SIZE);
    if (branch.items.has(childIndex) || branch.loading.has(page)) return;
    branch.loading.add(page);
    branch.error = undefined;
    this.source.load(branch.item, page * TREE_PAGE_SIZE, TREE_PAGE_SIZE).then(
      (result) => {
        branch.loading.delete(page);
        branch.total = result.total;
        result.items.forEach((item, k) => branch.items.set(result.offset + k, item));
        this.changed();
      },
      (error: unknown) => {
        branch.loading.delete(page);
        branch.error = toErrorDto(error);
        this.changed();
      },
    );
  }

  private changed(): void {
    if (this.disposed) return;
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
