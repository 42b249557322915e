import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import memlab from '@memlab/core';
import { parse as parseWithDevTools } from 'heap-snapshot-toolkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDirect } from '../../src/main/cdp/directSession';
import type { HeapSnapshotModel } from '../../src/main/worker/model/heapSnapshotModel';
import { openSnapshot } from '../../src/main/worker/openSnapshot';
import { startChromium, type ChromiumInstance } from '../fixtures/chromium';

// The same planted heap in Node and in a page: a cache holding 10 000 entries, closures,
// strings, buffers, WeakMap pairs, and (in the page) a detached DOM tree.
const PLANT = `
class Entry { constructor(i) { this.id = i; this.label = 'entry-' + i; this.payload = { n: i, tags: ['a', 'b'] }; } }
class LeakyCache {
  constructor() { this.entries = new Map(); this.order = []; }
  add(i) { const entry = new Entry(i); this.entries.set('k' + i, entry); this.order.push(entry); }
}
globalThis.leakyCache = new LeakyCache();
for (let i = 0; i < 10000; i++) globalThis.leakyCache.add(i);
globalThis.handlers = Array.from({ length: 500 }, (_, i) => () => i);
globalThis.texts = Array.from({ length: 1000 }, (_, i) => 'text ' + i + ' '.repeat(i % 50));
globalThis.weakKeys = Array.from({ length: 100 }, (_, i) => ({ key: i }));
globalThis.weak = new WeakMap(globalThis.weakKeys.map((key) => [key, { value: new Array(100).fill(key.key) }]));
`;
const NODE_EXTRA = `globalThis.buffers = Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024));
require('v8').writeHeapSnapshot(process.argv[1]);`;
const PAGE_EXTRA = `globalThis.buffers = Array.from({ length: 20 }, () => new Uint8Array(64 * 1024));
globalThis.detachedTree = document.createElement('div');
for (let i = 0; i < 50; i++) globalThis.detachedTree.appendChild(document.createElement('span'));
document.body.appendChild(document.createElement('p'));`;

interface DevToolsAggregate {
  count: number;
  self: number;
  maxRet: number;
  distance: number;
}

interface DevToolsSnapshot {
  nodeCount: number;
  retainedSizes: Float64Array;
  dominatorsTree: Uint32Array;
  nodeDistances: Int32Array;
  totalSize: number;
  getAggregatesByClassKey(sorted: boolean, key: string): Record<string, DevToolsAggregate>;
  getStatistics(): { total: number; native: { total: number; typedArrays: number }; v8heap: { code: number; strings: number; jsArrays: number; system: number } };
}

async function captureFromChromium(chromium: ChromiumInstance, path: string): Promise<void> {
  const targets = (await (await fetch(`http://${chromium.endpoint}/json/list`)).json()) as { type: string; webSocketDebuggerUrl: string }[];
  const page = targets.find((target) => target.type === 'page')!;
  const session = await connectDirect(page.webSocketDebuggerUrl);
  try {
    await session.send('Runtime.evaluate', { expression: PLANT + PAGE_EXTRA });
    const file = createWriteStream(path);
    const stopChunks = session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => file.write(chunk));
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, { timeoutMs: 0 });
    stopChunks();
    await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
  } finally {
    await session.close();
  }
}

/** Exact agreement with DevTools' own algorithms (heap-snapshot-toolkit is DevTools' code). */
async function expectSameAsDevTools(path: string, model: HeapSnapshotModel): Promise<void> {
  const devtools = (await parseWithDevTools(createReadStream(path))) as unknown as DevToolsSnapshot;
  const summary = model.summary();
  expect(summary.nodeCount).toBe(devtools.nodeCount);
  expect(summary.totalSizeBytes).toBe(devtools.totalSize);
  const ours = { retained: [] as number[], dominators: [] as number[], distances: [] as number[] };
  for (let ordinal = 0; ordinal < devtools.nodeCount; ordinal++) {
    const row = model.object(ordinal);
    ours.retained.push(row.retainedSizeBytes);
    ours.distances.push(row.distance);
    ours.dominators.push(model.dominatorOf(ordinal));
  }
  expect(ours.retained).toEqual(Array.from(devtools.retainedSizes));
  expect(ours.dominators).toEqual(Array.from(devtools.dominatorsTree));
  expect(ours.distances).toEqual(Array.from(devtools.nodeDistances));

  // DevTools keys classes by name, or by constructor position and name for objects.
  const theirs = devtools.getAggregatesByClassKey(false, 'allObjects');
  const mine: Record<string, DevToolsAggregate> = {};
  for (const row of summary.classes) {
    const key = row.location ? `${row.location.scriptId},${row.location.line},${row.location.column},${row.name}` : `,${row.name}`;
    mine[key] = { count: row.count, self: row.shallowSizeBytes, maxRet: row.retainedSizeBytes, distance: row.minDistance };
  }
  const pick = (aggregates: Record<string, DevToolsAggregate>) =>
    Object.fromEntries(Object.entries(aggregates).map(([key, a]) => [key, { count: a.count, self: a.self, maxRet: a.maxRet, distance: a.distance }]));
  expect(mine).toEqual(pick(theirs));

  const stats = devtools.getStatistics();
  expect(summary.statistics).toMatchObject({
    totalBytes: stats.total,
    nativeBytes: stats.native.total,
    typedArraysBytes: stats.native.typedArrays,
    codeBytes: stats.v8heap.code,
    stringsBytes: stats.v8heap.strings,
    jsArraysBytes: stats.v8heap.jsArrays,
    systemBytes: stats.v8heap.system,
  });
}

interface MemLabNode {
  id: number;
  type: string;
  name: string;
  self_size: number;
  retainedSize: number;
}

async function loadWithMemLab(path: string): Promise<MemLabNode[]> {
  const { utils, analysis, config } = memlab as unknown as {
    config: { muteConsole: boolean };
    utils: { getSnapshotFromFile(file: string, options: object): Promise<{ nodes: { forEach(visit: (node: MemLabNode) => void): void } }> };
    analysis: { preparePathFinder(snapshot: unknown): void };
  };
  config.muteConsole = true;
  const snapshot = await utils.getSnapshotFromFile(path, { buildNodeIdIndex: true });
  analysis.preparePathFinder(snapshot);
  const nodes: MemLabNode[] = [];
  snapshot.nodes.forEach((node) => {
    nodes.push({ id: node.id, type: node.type, name: node.name, self_size: node.self_size, retainedSize: node.retainedSize });
  });
  return nodes;
}

describe('snapshot engine against DevTools and MemLab on real snapshots', () => {
  let dir: string;
  let nodePath: string;
  let pagePath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heapdeck-peers-'));
    nodePath = join(dir, 'node.heapsnapshot');
    pagePath = join(dir, 'page.heapsnapshot');
    await promisify(execFile)(process.execPath, ['-e', PLANT + NODE_EXTRA, nodePath]);
    const chromium = await startChromium();
    try {
      await captureFromChromium(chromium, pagePath);
    } finally {
      await chromium.close();
    }
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a v8.writeHeapSnapshot from Node: every class, retained size, dominator and distance as DevTools', async () => {
    const model = await openSnapshot(nodePath);
    const classes = model.summary().classes;
    expect(classes.find((row) => row.name === 'Entry')).toMatchObject({ count: 10_000 });
    expect(classes.find((row) => row.name === 'LeakyCache')).toMatchObject({ count: 1 });
    await expectSameAsDevTools(nodePath, model);
  }, 60_000);

  it('a snapshot captured over CDP from Chromium: the same, plus detached DOM', async () => {
    const model = await openSnapshot(pagePath);
    const classes = model.summary().classes;
    expect(classes.find((row) => row.name === 'Entry')).toMatchObject({ count: 10_000 });
    expect(classes.find((row) => row.name === 'Detached <div>')).toMatchObject({ count: 1 });
    expect(classes.find((row) => row.name === 'Detached <span>')).toMatchObject({ count: 50 });
    await expectSameAsDevTools(pagePath, model);
  }, 60_000);

  // MemLab reports V8's raw shallow sizes and uses its own rule for inspector-owned objects and
  // no WeakMap rule, so it is compared where the two definitions coincide: per-object raw sizes,
  // counts and shallow sizes of constructor-named classes, and the retained sizes of the planted
  // objects, which no such rule touches. All of these must agree exactly.
  it.each([['Node', () => nodePath], ['Chromium', () => pagePath]])('%s snapshot: planted objects as MemLab computes them', async (_what, path) => {
    const model = await openSnapshot(path(), { foldOwnedSizes: false });
    const memlabNodes = await loadWithMemLab(path());
    expect(memlabNodes.length).toBe(model.nodeCount);
    const byClass = (rows: { name: string; count: number; self: number }[]) => {
      const totals: Record<string, { count: number; self: number }> = {};
      for (const row of rows) {
        const total = (totals[row.name] ??= { count: 0, self: 0 });
        total.count += row.count;
        total.self += row.self;
      }
      return totals;
    };
    // Classes named by constructor (not plain Objects, which DevTools renames by shape, nor
    // the classes named after a node type: Function for closures, RegExp).
    const typeNamed = new Set(['Object', 'Function', 'RegExp']);
    const ours = byClass(
      model.summary().classes
        .filter((row) => /^[A-Z]\w*$/.test(row.name) && !typeNamed.has(row.name))
        .map((row) => ({ name: row.name, count: row.count, self: row.shallowSizeBytes })),
    );
    const theirs = byClass(
      memlabNodes
        .filter((node) => (node.type === 'object' || node.type === 'native') && node.self_size > 0 && ours[node.name])
        .map((node) => ({ name: node.name, count: 1, self: node.self_size })),
    );
    expect(ours).toEqual(theirs);
    for (const planted of ['LeakyCache', 'Entry']) {
      const memlabRows = memlabNodes.filter((node) => node.type === 'object' && node.name === planted);
      const ourRows = memlabRows.map((node) => model.object(model.nodeById(node.id)!));
      expect(ourRows.map((row) => row.retainedSizeBytes)).toEqual(memlabRows.map((node) => node.retainedSize));
    }
  }, 60_000);
});
