import { describe, expect, it } from 'vitest';
import { LazyTree, TREE_PAGE_SIZE, type TreeSource } from '../../src/renderer/components/tree/lazyTree';

interface Item {
  label: string;
  children: number;
}

/** A million top-level items with three children each; records every page asked for. */
function bigSource(failFor?: string) {
  const calls: string[] = [];
  const source: TreeSource<Item> = {
    async load(parent, offset, limit) {
      const label = parent?.label ?? 'top';
      calls.push(`${label}@${offset}`);
      if (label === failFor) throw new Error(`no children for ${label}`);
      const total = parent ? parent.children : 1_000_000;
      const items: Item[] = [];
      for (let k = offset; k < Math.min(total, offset + limit); k++) items.push({ label: `${label}/${k}`, children: parent ? 0 : 3 });
      return { total, offset, items };
    },
    hasChildren: (item) => item.children > 0,
  };
  return { source, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LazyTree', () => {
  it('shows one pending row until the first page arrives, then the whole size', async () => {
    const { source, calls } = bigSource();
    const tree = new LazyTree(source);
    expect(tree.rowCount).toBe(1);
    expect(tree.rowAt(0)?.kind).toBe('pending');
    await settle();
    expect(tree.rowCount).toBe(1_000_000);
    expect(calls).toEqual(['top@0']);
    expect(tree.rowAt(5)).toMatchObject({ kind: 'item', item: { label: 'top/5' }, depth: 0, expandable: true });
  });

  it('loads only the page a far row is in', async () => {
    const { source, calls } = bigSource();
    const tree = new LazyTree(source);
    await settle();
    expect(tree.rowAt(654_321)?.kind).toBe('pending');
    tree.request(654_321);
    tree.request(654_322);
    await settle();
    expect(calls).toEqual(['top@0', `top@${Math.floor(654_321 / TREE_PAGE_SIZE) * TREE_PAGE_SIZE}`]);
    expect(tree.rowAt(654_321)).toMatchObject({ kind: 'item', item: { label: 'top/654321' } });
  });

  it('inserts expanded children after their parent and maps paths to indexes both ways', async () => {
    const { source } = bigSource();
    const tree = new LazyTree(source);
    await settle();
    expect(tree.toggle([2])).toBe(true);
    expect(tree.rowAt(3)).toMatchObject({ kind: 'pending', path: [2, 0] });
    // The focus can sit on the pending row; it stays on the first child once that arrives.
    expect(tree.indexOf([2, 0])).toBe(3);
    await settle();
    tree.toggle([0]);
    await settle();
    expect(tree.rowCount).toBe(1_000_006);
    const labels = Array.from({ length: 10 }, (_, k) => {
      const row = tree.rowAt(k);
      return row?.kind === 'item' ? `${row.depth}:${row.item.label}` : row?.kind;
    });
    expect(labels).toEqual(['0:top/0', '1:top/0/0', '1:top/0/1', '1:top/0/2', '0:top/1', '0:top/2', '1:top/2/0', '1:top/2/1', '1:top/2/2', '0:top/3']);
    expect(tree.indexOf([2, 1])).toBe(7);
    expect(tree.indexOf([3])).toBe(9);
    expect(tree.indexOf([1, 0])).toBe(-1);
    for (let k = 0; k < 12; k++) expect(tree.indexOf(tree.rowAt(k)!.path)).toBe(k);
    tree.toggle([0], false);
    expect(tree.rowCount).toBe(1_000_003);
    expect(tree.indexOf([2, 1])).toBe(4);
  });

  it('does not expand leaves, and notifies subscribers of changes', async () => {
    const { source } = bigSource();
    const tree = new LazyTree(source);
    let notified = 0;
    tree.subscribe(() => notified++);
    await settle();
    tree.toggle([0]);
    await settle();
    expect(tree.toggle([0, 1])).toBe(false);
    expect(notified).toBe(3);
    tree.dispose();
    tree.toggle([1]);
    expect(notified).toBe(3);
  });

  it('shows a failed page as an error row and loads it again only on retry', async () => {
    const { source, calls } = bigSource('top/4');
    const tree = new LazyTree(source);
    await settle();
    tree.toggle([4]);
    await settle();
    const row = tree.rowAt(5);
    expect(row).toMatchObject({ kind: 'error', depth: 1, error: { message: 'no children for top/4' } });
    tree.request(5);
    await settle();
    expect(calls.filter((call) => call.startsWith('top/4'))).toHaveLength(1);
    tree.request(5, true);
    await settle();
    expect(calls.filter((call) => call.startsWith('top/4'))).toHaveLength(2);
  });
});
