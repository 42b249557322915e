// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LazyTree, type TreeSource } from '../../src/renderer/components/tree/lazyTree';
import { VirtualTree, type TreeColumn } from '../../src/renderer/components/tree/VirtualTree';

// The component under a real React and a DOM (jsdom): which rows it renders, what the keys do.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Item {
  label: string;
  depth: number;
}

const VIEWPORT_PX = 240;

/** jsdom lays nothing out: give the scroller a height and a ResizeObserver that reports it. */
class FixedResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe(): void {
    this.callback();
  }
  disconnect(): void {}
  unobserve(): void {}
}

function source(topCount: number): { source: TreeSource<Item>; loads: string[] } {
  const loads: string[] = [];
  return {
    loads,
    source: {
      async load(parent, offset, limit) {
        loads.push(`${parent?.label ?? 'top'}@${offset}`);
        const total = parent ? 3 : topCount;
        const items: Item[] = [];
        for (let k = offset; k < Math.min(total, offset + limit); k++) items.push({ label: parent ? `${parent.label}.${k}` : `row ${k}`, depth: parent ? parent.depth + 1 : 0 });
        return { total, offset, items };
      },
      hasChildren: (item) => item.depth === 0,
    },
  };
}

const columns: TreeColumn<Item>[] = [
  { id: 'name', label: 'Name', render: (item) => item.label },
  { id: 'depth', label: 'Depth', width: 60, numeric: true, sortKey: 'depth', render: (item) => item.depth },
];

let container: HTMLDivElement;
let root: Root;
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

beforeEach(() => {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = FixedResizeObserver;
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => VIEWPORT_PX });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function renderTree(tree: LazyTree<Item>, extra: Partial<Parameters<typeof VirtualTree<Item>>[0]> = {}) {
  await act(async () => {
    root.render(<VirtualTree tree={tree} columns={columns} label="Test tree" testId="tree" rowTestId={(item) => item.label} {...extra} />);
  });
  await settle();
  return container.querySelector<HTMLElement>('[data-testid="tree"]')!;
}

const renderedRows = () => [...container.querySelectorAll('[role="row"][aria-level]')].map((row) => row.textContent);
const selected = () => container.querySelector('[aria-selected="true"]')?.getAttribute('data-testid');
// Browsers fire `scroll` when a key moves scrollTop to keep the focus in view; jsdom does not.
const press = (element: HTMLElement, key: string) =>
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    element.dispatchEvent(new Event('scroll'));
  });

describe('VirtualTree', () => {
  it('renders only the rows in view (plus a margin) of a million, and says how many there are', async () => {
    const { source: big } = source(1_000_000);
    const element = await renderTree(new LazyTree(big));
    expect(element.getAttribute('aria-rowcount')).toBe('1000000');
    const rows = renderedRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toContain('row 0');
  });

  it('loads the page a scroll lands on, and only that one', async () => {
    const { source: big, loads } = source(1_000_000);
    const element = await renderTree(new LazyTree(big));
    await act(async () => {
      element.scrollTop = 24 * 500_000;
      element.dispatchEvent(new Event('scroll'));
    });
    await settle();
    expect(loads).toEqual(['top@0', 'top@499900', 'top@500000']);
    expect(renderedRows().some((row) => row?.includes('row 500000'))).toBe(true);
  });

  it('moves, opens and closes with the keyboard, and reports the selection', async () => {
    const { source: small } = source(50);
    const seen: (string | undefined)[] = [];
    const element = await renderTree(new LazyTree(small), { onSelect: (item) => seen.push(item?.label) });
    await act(async () => element.focus());
    await act(async () => element.dispatchEvent(new FocusEvent('focus')));
    await press(element, 'ArrowDown');
    expect(selected()).toBe('row 1');
    await press(element, 'ArrowRight');
    await settle();
    expect(container.querySelector('[data-testid="row 1"]')?.getAttribute('aria-expanded')).toBe('true');
    await press(element, 'ArrowRight');
    expect(selected()).toBe('row 1.0');
    await press(element, 'ArrowLeft');
    expect(selected()).toBe('row 1');
    await press(element, 'Enter');
    expect(container.querySelector('[data-testid="row 1"]')?.getAttribute('aria-expanded')).toBe('false');
    await press(element, 'End');
    expect(selected()).toBe('row 49');
    await press(element, 'Home');
    expect(selected()).toBe('row 0');
    expect(seen).toContain('row 1.0');
  });

  it('asks for a sort from a sortable header and marks the sorted column', async () => {
    const { source: small } = source(5);
    const sorts: string[] = [];
    await renderTree(new LazyTree(small), { sort: { key: 'depth', ascending: false }, onSort: (key) => sorts.push(key) });
    const header = container.querySelector<HTMLElement>('[data-testid="tree-sort-depth"]')!;
    expect(header.getAttribute('aria-sort')).toBe('descending');
    await act(async () => header.click());
    expect(sorts).toEqual(['depth']);
  });
});
