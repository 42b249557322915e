import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, FindingKind } from '../../src/shared/model/findings';
import { startChromium } from '../fixtures/chromium';
import { startNodeTarget } from '../fixtures/nodeTarget';
import { inMemoryDoor, type DoorUnderTest } from '../fixtures/doors';
import { MAP_CACHE } from '../fixtures/mapCacheLeak';
import { writeSnapshotSeries, type SeriesApp } from '../fixtures/snapshotSeries';

// Each app plants one problem in a real Node process that writes a snapshot after each step.
const LISTENER_LEAK: SeriesApp = {
  name: 'listener-leak',
  setup: `
    const { EventEmitter } = require('node:events');
    class Bus extends EventEmitter {}
    globalThis.bus = new Bus();
    bus.setMaxListeners(0);`,
  step: `for (let i = 0; i < 50; i++) { const request = { id: i, body: new Array(16).fill(i) }; bus.on('tick', () => request.id); }`,
};

// V8 gives the two inner functions one shared scope: \`handler\` keeps \`bigData\` though only \`unused\` reads it.
const CLOSURE_LEAK: SeriesApp = {
  name: 'closure-leak',
  count: 1,
  setup: `
    function makeHandler() {
      const bigData = new Array(1000000).fill(7);
      const unused = () => bigData.length;
      return function handler() { return 1; };
    }
    globalThis.handler = makeHandler();`,
  step: '',
};

const SLICED_STRING: SeriesApp = {
  name: 'sliced-string',
  count: 1,
  setup: `
    (function keepSlice() {
      const text = 'abcdefgh'.repeat(512 * 1024);
      globalThis.header = text.slice(1000, 1040);
    })();`,
  step: '',
};

const DUPLICATED_STRINGS: SeriesApp = {
  name: 'duplicated-strings',
  count: 1,
  setup: `
    globalThis.labels = [];
    const filler = 'x'.repeat(300);
    for (let i = 0; i < 5000; i++) labels.push(['user', 'profile', 'label', filler].join('-'));`,
  step: '',
};

const DOMINANT_OBJECT: SeriesApp = {
  name: 'dominant-object',
  count: 1,
  setup: `
    class BigStore { constructor() { this.rows = []; for (let i = 0; i < 200000; i++) this.rows.push({ i, text: 'row ' + i }); } }
    globalThis.store = new BigStore();`,
  step: '',
};

// Steady churn: a bounded cache that evicts, listeners added and removed, garbage every step.
const CLEAN_APP: SeriesApp = {
  name: 'clean',
  count: 4,
  setup: `
    const { EventEmitter } = require('node:events');
    class BoundedCache {
      constructor(limit) { this.limit = limit; this.entries = new Map(); }
      set(key, value) { this.entries.set(key, value); if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value); }
    }
    globalThis.cache = new BoundedCache(500);
    globalThis.recent = [];
    globalThis.bus = new EventEmitter();
    let next = 0;`,
  step: `
    for (let i = 0; i < 3000; i++, next++) {
      cache.set('key-' + next, { n: next, data: new Array(8).fill(next) });
      const onTick = () => next;
      bus.on('tick', onTick);
      bus.off('tick', onTick);
      recent.push({ at: next });
      if (recent.length > 200) recent.shift();
      JSON.stringify({ garbage: new Array(20).fill(next) });
    }`,
};

const LEAK_KINDS: FindingKind[] = ['growing-collection', 'growing-listeners'];

describe('findings over real V8 heaps, one planted problem per app', () => {
  let door: DoorUnderTest;

  beforeAll(async () => {
    door = await inMemoryDoor();
  });
  afterAll(async () => {
    await door.close();
  });

  async function findingsOf(app: SeriesApp): Promise<Finding[]> {
    const paths = await writeSnapshotSeries(door.root, app);
    const snapshotIds: string[] = [];
    for (const path of paths) snapshotIds.push((await door.api.call('openSnapshot', { path })).snapshotId);
    try {
      return await door.api.call('getFindings', { snapshotIds });
    } finally {
      await Promise.all(snapshotIds.map((snapshotId) => door.api.call('closeSnapshot', { snapshotId })));
    }
  }

  const only = (findings: Finding[], kind: FindingKind) => findings.filter((finding) => finding.kind === kind);

  it('an unbounded Map cache: the Map, its entries in each snapshot, and a path through its owner', async () => {
    const findings = await findingsOf(MAP_CACHE);
    const [growing, ...others] = only(findings, 'growing-collection');
    expect(others.map((finding) => finding.title)).toEqual([]);
    expect(growing!.evidence.object?.className).toBe('Map');
    expect(growing!.evidence.series).toEqual({ label: 'entries', values: [2000, 4000, 6000] });
    expect(growing!.evidence.figures).toMatchObject({ entries: 6000, 'entries in the first snapshot': 2000, 'growth per snapshot (entries)': 2000 });
    expect(growing!.evidence.path?.[0]).toMatchObject({ edgeName: 'sessions', holder: { className: 'SessionCache' } });
    expect(growing!.evidence.path?.[1]).toMatchObject({ edgeName: 'cache' });
    expect(growing!.title).toContain('SessionCache.sessions');
    // Each entry keeps a key, a value object and its payload array.
    expect(growing!.bytesAtStake).toBe(growing!.evidence.object!.retainedSizeBytes);
    expect(growing!.bytesAtStake).toBeGreaterThan(6000 * (32 + 32 + 8 * 8));
    expect(findings.map((finding) => finding.bytesAtStake)).toEqual([...findings.map((finding) => finding.bytesAtStake)].sort((a, b) => b - a));
  });

  it('a listener leak on an EventEmitter: the emitter, its listener counts and the event', async () => {
    const findings = await findingsOf(LISTENER_LEAK);
    const [growing, ...others] = only(findings, 'growing-listeners');
    expect(others).toEqual([]);
    expect(growing!.evidence.object?.className).toBe('Bus');
    expect(growing!.evidence.series).toEqual({ label: 'listeners', values: [50, 100, 150] });
    expect(growing!.evidence.samples).toEqual(['"tick": 150 listeners']);
    expect(growing!.evidence.path?.[0]).toMatchObject({ edgeName: 'bus' });
    // The 150 listeners each keep a closure, its context and a request with its array.
    expect(growing!.bytesAtStake).toBeGreaterThan(150 * (32 + 16 * 8));
  });

  it('a closure leak: the captured array, its size, and the closure whose scope keeps it', async () => {
    const findings = await findingsOf(CLOSURE_LEAK);
    const [closure, ...others] = only(findings, 'closure-holding-memory');
    expect(others.map((finding) => finding.title)).toEqual([]);
    expect(closure!.evidence.object?.className).toBe('Array');
    // A million small integers at 8 bytes each (no pointer compression in Node).
    expect(closure!.bytesAtStake).toBeGreaterThanOrEqual(8_000_000);
    expect(closure!.bytesAtStake).toBe(closure!.evidence.object!.retainedSizeBytes);
    expect(closure!.evidence.samples).toContain('closure handler');
    expect(closure!.evidence.path?.[0]).toMatchObject({ edgeName: 'bigData', edgeType: 'context' });
    expect(closure!.evidence.path?.some((step) => step.edgeName === 'handler')).toBe(true);
    expect(closure!.title).toContain('"bigData"');
  });

  it('a sliced string: the 4 MB parent kept by one 40-character slice', async () => {
    const findings = await findingsOf(SLICED_STRING);
    const [pinned, ...others] = only(findings, 'pinned-parent-string');
    expect(others).toEqual([]);
    expect(pinned!.evidence.figures.slices).toBe(1);
    // A one-byte string: 4 MiB of characters plus its header.
    expect(pinned!.bytesAtStake).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(pinned!.bytesAtStake).toBeLessThan(4 * 1024 * 1024 + 64);
    expect(pinned!.evidence.object?.type).toBe('sliced string');
    expect(pinned!.evidence.path?.[0]).toMatchObject({ edgeName: 'header' });
    expect(pinned!.evidence.samples?.[0]).toMatch(/^parent: "abcdefghabcdefgh/);
  });

  it('duplicated strings: 5000 copies of one built value, and the bytes all but one waste', async () => {
    const findings = await findingsOf(DUPLICATED_STRINGS);
    const [duplicates] = only(findings, 'duplicated-strings');
    const copySize = duplicates!.evidence.object!.selfSizeBytes;
    expect(duplicates!.evidence.figures['copies of the top value']).toBe(5000);
    expect(duplicates!.evidence.figures['wasted by the top value']).toBe(4999 * copySize);
    // 318 characters, one byte each, and a header.
    expect(copySize).toBeGreaterThanOrEqual(318);
    expect(duplicates!.evidence.samples?.[0]).toMatch(/^5000 × "user-profile-label-xxxx/);
    expect(duplicates!.evidence.samples).toContain('held by Array[]: 1000 copies (of the first 1000)');
  });

  it('a single dominant object: the array retaining most of the heap, under its owner', async () => {
    const findings = await findingsOf(DOMINANT_OBJECT);
    const [dominant, ...others] = only(findings, 'dominant-object');
    expect(others.map((finding) => finding.title)).toEqual([]);
    expect(dominant!.evidence.object?.className).toBe('Array');
    expect(dominant!.evidence.path?.[0]).toMatchObject({ edgeName: 'rows', holder: { className: 'BigStore' } });
    const { figures } = dominant!.evidence;
    expect(figures['percent of heap']).toBe(Math.round((figures['retained bytes']! / figures['heap bytes']!) * 100));
    expect(figures['percent of heap']).toBeGreaterThanOrEqual(20);
    // 200 000 rows of an object and a string each.
    expect(figures['retained bytes']).toBeGreaterThan(200_000 * (32 + 16));
  });

  it('a clean app with steady churn gives no leak-type finding (nor Node\'s own objects as detached DOM)', async () => {
    const findings = await findingsOf(CLEAN_APP);
    expect(findings.filter((finding) => [...LEAK_KINDS, 'detached-dom'].includes(finding.kind)).map((finding) => finding.title)).toEqual([]);
  });
});

// Fills its heap to 84 % of a small limit, then idles.
const FULL_HEAP_TARGET = `
  const v8 = require('node:v8');
  const stats = () => v8.getHeapStatistics();
  globalThis.hold = [];
  while (stats().used_heap_size < 0.84 * stats().heap_size_limit) hold.push(new Array(1000).fill(hold.length));
  console.log('full');
  setInterval(() => {}, 1000);
`;

describe('heap near its limit, from the samples of the watch the snapshot was taken in', () => {
  it('reports the heap used against the limit of the sample nearest the capture', async () => {
    const door = await inMemoryDoor();
    const target = await startNodeTarget(FULL_HEAP_TARGET, { inspect: true, args: ['--max-old-space-size=32', '--max-semi-space-size=1'] });
    try {
      await target.waitForOutput(/full/, 20_000);
      const watch = await door.api.call('attach', { request: { by: 'url', url: target.webSocketUrl! }, intervalMs: 250 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const file = await door.api.call('takeSnapshot', { watchId: watch.watchId, options: { collectGarbageFirst: false } });
      await new Promise((resolve) => setTimeout(resolve, 600));
      await door.api.call('detach', { watchId: watch.watchId });
      const { snapshotId } = await door.api.call('openSnapshot', { path: file.path });
      const [near, ...others] = (await door.api.call('getFindings', { snapshotIds: [snapshotId] })).filter((finding) => finding.kind === 'heap-near-limit');
      expect(others).toEqual([]);
      const { figures } = near!.evidence;
      const { samples } = await door.api.call('getSessionSeries', { sessionId: file.sessionId! });
      const sample = samples.find((candidate) => candidate.timestampMs === figures['sample time ms']);
      expect(sample).toBeDefined();
      expect(figures['heap used bytes']).toBe(sample!.heapUsedBytes);
      expect(figures['heap limit bytes']).toBe(sample!.heapLimitBytes);
      expect(figures['percent of limit']).toBeGreaterThanOrEqual(80);
      expect(Math.abs(sample!.timestampMs - file.takenAtMs)).toBeLessThan(60_000);
    } finally {
      await target.kill();
      await door.close();
    }
  }, 60_000);
});

describe('findings over a real Chromium page', () => {
  const PAGE = `<title>detached</title><body><script>
    window.removedRows = [];
    for (let i = 0; i < 20; i++) {
      const row = document.createElement('div');
      row.appendChild(document.createElement('span'));
      document.body.appendChild(row);
      row.remove();
      removedRows.push(row);
    }
  </script>`;

  it('detached DOM trees, with the array that keeps them', async () => {
    const [door, chromium] = await Promise.all([inMemoryDoor(), startChromium(`data:text/html,${encodeURIComponent(PAGE)}`)]);
    try {
      const watch = await door.api.call('attach', { request: { by: 'endpoint', endpoint: chromium.endpoint, match: 'detached' } });
      const file = await door.api.call('takeSnapshot', { watchId: watch.watchId, path: join(door.root, 'page.heapsnapshot') });
      await door.api.call('detach', { watchId: watch.watchId });
      const { snapshotId } = await door.api.call('openSnapshot', { path: file.path });
      const all = await door.api.call('getFindings', { snapshotIds: [snapshotId] });
      const detached = all.filter((finding) => finding.kind === 'detached-dom');
      expect(detached).toHaveLength(1);
      const [finding] = detached;
      expect(finding!.evidence.object?.className).toBe('Array');
      expect(finding!.evidence.figures['detached trees']).toBe(20);
      expect(finding!.evidence.figures['detached nodes']).toBeGreaterThanOrEqual(40);
      expect(finding!.evidence.samples?.[0]).toBe('20 × Detached <div>');
      expect(finding!.evidence.path?.some((step) => step.edgeName === 'removedRows')).toBe(true);
      expect(finding!.title).toContain('removedRows');
    } finally {
      await chromium.close();
      await door.close();
    }
  }, 60_000);
});
