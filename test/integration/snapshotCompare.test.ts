import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetainerCluster } from '../../src/shared/model/comparisons';
import { RETAINER_NOISE, type OpenedSnapshotInfo } from '../../src/shared/model/heapSnapshots';
import { inMemoryDoor, type DoorUnderTest } from '../fixtures/doors';
import { writeSnapshotSeries } from '../fixtures/snapshotSeries';

// The planted leak: a Map cache owned by a CacheOwner grows by 1000 Entry objects per step.
const LEAKY_CACHE = {
  name: 'leaky',
  setup: `
    class Entry { constructor(i) { this.key = 'entry-' + i; this.value = { n: i, data: new Array(8).fill(i) }; } }
    class CacheOwner { constructor() { this.cache = new Map(); } }
    globalThis.owner = new CacheOwner();
    let next = 0;
  `,
  step: `for (let i = 0; i < 1000; i++) { const entry = new Entry(next++); owner.cache.set(entry.key, entry); }`,
};

// The clean app: every step replaces the previous step's jobs and makes garbage along the way.
const STEADY_CHURN = {
  name: 'churn',
  setup: `
    class Job { constructor(i) { this.id = i; this.payload = new Array(16).fill(i); this.label = 'job-' + i; } }
    globalThis.queue = { jobs: [] };
    let total = 0;
  `,
  step: `
    queue.jobs = [];
    for (let i = 0; i < 1000; i++) queue.jobs.push(new Job(i));
    for (let i = 0; i < 5000; i++) { const scratch = { i, text: 'scratch-' + i }; total += scratch.text.length; }
  `,
};

const ALL_NOISE = [...RETAINER_NOISE];

describe('comparing real V8 snapshots', () => {
  let door: DoorUnderTest;
  let leaky: OpenedSnapshotInfo[];
  let churn: OpenedSnapshotInfo[];
  let otherProcess: OpenedSnapshotInfo;

  const open = (paths: string[]) => Promise.all(paths.map((path) => door.api.call('openSnapshot', { path })));

  beforeAll(async () => {
    door = await inMemoryDoor();
    const [leakyPaths, churnPaths, otherPaths] = await Promise.all([
      writeSnapshotSeries(door.root, LEAKY_CACHE),
      writeSnapshotSeries(door.root, STEADY_CHURN),
      writeSnapshotSeries(door.root, { ...LEAKY_CACHE, name: 'other', count: 2 }),
    ]);
    [leaky, churn, otherProcess] = await Promise.all([open(leakyPaths), open(churnPaths), open(otherPaths.slice(1)).then((opened) => opened[0]!)]);
  }, 120_000);
  afterAll(async () => {
    await door.close();
  });

  const entryCluster = (clusters: RetainerCluster[]) => clusters.find((cluster) => cluster.classNames[0] === 'Entry');

  it('diffs two snapshots by id: 1000 new Entry objects, none deleted, with shallow and retained deltas', async () => {
    const comparison = await door.api.call('compareSnapshots', { baseSnapshotId: leaky[0]!.snapshotId, targetSnapshotId: leaky[1]!.snapshotId });
    expect(comparison.matchedById).toBe(true);
    expect(comparison.warning).toBeUndefined();
    expect(comparison.newCount).toBeGreaterThanOrEqual(1000);
    const { comparisonId } = comparison;
    const page = await door.api.call('getComparisonClasses', { comparisonId, filter: 'Entry', limit: 100 });
    const entry = page.items.find((row) => row.name === 'Entry')!;
    expect(entry).toMatchObject({ baseCount: 1000, targetCount: 2000, newCount: 1000, deletedCount: 0, deltaCount: 1000 });

    const objects = await door.api.call('getComparisonObjects', { comparisonId, className: 'Entry', change: 'new', limit: 1000 });
    expect(objects.total).toBe(1000);
    expect(objects.items.every((row) => row.className === 'Entry')).toBe(true);
    // Every Entry has the same shape, so the deltas are exactly 1000 of one.
    const one = objects.items[0]!;
    expect(new Set(objects.items.map((row) => row.selfSizeBytes))).toEqual(new Set([one.selfSizeBytes]));
    expect(entry.newShallowBytes).toBe(1000 * one.selfSizeBytes);
    expect(entry.deltaShallowBytes).toBe(1000 * one.selfSizeBytes);
    expect(entry.deltaRetainedBytes).toBe(entry.targetRetainedBytes - entry.baseRetainedBytes);
    expect(entry.deltaRetainedBytes).toBe(objects.items.reduce((sum, row) => sum + row.retainedSizeBytes, 0));
    expect(one.retainedSizeBytes).toBeGreaterThan(one.selfSizeBytes);
    // Biggest retained first, and the new objects' ids are all above the base's last id.
    for (let k = 1; k < objects.items.length; k++) expect(objects.items[k]!.retainedSizeBytes).toBeLessThanOrEqual(objects.items[k - 1]!.retainedSizeBytes);
    expect(Math.min(...objects.items.map((row) => row.id))).toBeGreaterThan(leaky[0]!.maxObjectId);

    // A new object's retainers, followed nearest-the-roots first, reach the cache's owner.
    const holders: string[] = [];
    let ordinal = one.ordinal;
    for (let step = 0; step < 6 && !holders.includes('CacheOwner'); step++) {
      const retainers = await door.api.call('getObjectRetainers', { snapshotId: leaky[1]!.snapshotId, ordinal, hide: ALL_NOISE, limit: 1 });
      const nearest = retainers.items[0]!;
      holders.push(nearest.node.className);
      ordinal = nearest.node.ordinal;
    }
    expect(holders).toContain('Map');
    expect(holders).toContain('CacheOwner');

    const deleted = await door.api.call('getComparisonObjects', { comparisonId, className: 'Entry', change: 'deleted' });
    expect(deleted.total).toBe(0);
  });

  it('lists deleted objects as rows of the base snapshot', async () => {
    const { comparisonId } = await door.api.call('compareSnapshots', { baseSnapshotId: churn[0]!.snapshotId, targetSnapshotId: churn[1]!.snapshotId });
    const job = (await door.api.call('getComparisonClasses', { comparisonId, filter: 'Job' })).items.find((row) => row.name === 'Job')!;
    expect(job).toMatchObject({ baseCount: 1000, targetCount: 1000, newCount: 1000, deletedCount: 1000, deltaCount: 0 });
    const deleted = await door.api.call('getComparisonObjects', { comparisonId, className: 'Job', change: 'deleted', limit: 5 });
    expect(deleted.total).toBe(1000);
    for (const row of deleted.items) {
      const inBase = await door.api.call('getSnapshotObject', { snapshotId: churn[0]!.snapshotId, ordinal: row.ordinal });
      expect(inBase).toMatchObject({ id: row.id, className: 'Job' });
    }
  });

  it('clusters the objects allocated in between by retaining path: one Entry cluster through the Map and its owner', async () => {
    const { comparisonId } = await door.api.call('compareSnapshots', { baseSnapshotId: leaky[0]!.snapshotId, targetSnapshotId: leaky[1]!.snapshotId });
    const clusters = await door.api.call('getAllocatedClusters', { comparisonId });
    const entries = entryCluster(clusters)!;
    expect(entries.count).toBe(1000);
    expect(entries.classNames).toEqual(['Entry']);
    expect(entries.pattern).toMatch(/CacheOwner\.cache → Map\.table → .*\[\]$/);
    expect(entries.representative.object.className).toBe('Entry');
    const holders = entries.representative.path.map((step) => step.holder.className);
    expect(holders).toEqual(expect.arrayContaining(['Map', 'CacheOwner']));
    expect(entries.representative.path.find((step) => step.holder.className === 'CacheOwner')!.edgeName).toBe('cache');
    // The Entry's value objects and arrays are inside its retained tree: counted in it, not clusters of their own.
    expect(clusters.filter((cluster) => cluster.count >= 1000)).toHaveLength(1);
  });

  it('finds the planted leak MemLab-style: allocated after the baseline, alive in the target and the final snapshot', async () => {
    const report = await door.api.call('findLeaks', {
      baselineSnapshotId: leaky[0]!.snapshotId,
      targetSnapshotId: leaky[1]!.snapshotId,
      finalSnapshotId: leaky[2]!.snapshotId,
    });
    expect(report.candidateCount).toBeGreaterThanOrEqual(1000);
    expect(report.filters.length).toBeGreaterThanOrEqual(4);
    const entries = entryCluster(report.clusters)!;
    expect(entries.count).toBe(1000);
    expect(report.clusters[0]).toBe(entries);
    expect(entries.pattern).toContain('CacheOwner.cache → Map.table');
    expect(entries.representative.path.some((step) => step.holder.className === 'CacheOwner')).toBe(true);
  });

  it('reports no leak for an app with steady churn', async () => {
    const report = await door.api.call('findLeaks', {
      baselineSnapshotId: churn[0]!.snapshotId,
      targetSnapshotId: churn[1]!.snapshotId,
      finalSnapshotId: churn[2]!.snapshotId,
    });
    // Objects allocated after the baseline and alive to the end exist (V8's and Node's own), but
    // the filters remove them all: V8's own objects, strings, system-only ones, small clusters.
    expect(report.candidateCount).toBeGreaterThan(0);
    expect(report.filteredCount).toBe(report.candidateCount);
    expect(report.clusters).toEqual([]);
  });

  it('follows classes and retaining paths across the series', async () => {
    const trend = await door.api.call('getTrend', { snapshotIds: leaky.map((snapshot) => snapshot.snapshotId) });
    expect(trend.warnings).toEqual([]);
    expect(trend.totalBytes).toHaveLength(3);
    const entry = trend.classes.find((row) => row.name === 'Entry')!;
    expect(entry).toMatchObject({ counts: [1000, 2000, 3000], grewEveryTime: true, grewOverall: true });
    const path = trend.paths.find((row) => row.pattern.includes('CacheOwner.cache → Map.table'))!;
    expect(path).toMatchObject({ counts: [1000, 2000, 3000], grewEveryTime: true });

    const steady = await door.api.call('getTrend', { snapshotIds: churn.map((snapshot) => snapshot.snapshotId) });
    const job = steady.classes.find((row) => row.name === 'Job')!;
    expect(job).toMatchObject({ counts: [1000, 1000, 1000], grewEveryTime: false, grewOverall: false });
  });

  it('compares snapshots of two processes by class name, with a warning', async () => {
    const comparison = await door.api.call('compareSnapshots', { baseSnapshotId: leaky[0]!.snapshotId, targetSnapshotId: otherProcess.snapshotId });
    expect(comparison.matchedById).toBe(false);
    expect(comparison.warning).toMatch(/different processes/);
    expect(comparison).toMatchObject({ newCount: 0, deletedCount: 0 });
    const entry = (await door.api.call('getComparisonClasses', { comparisonId: comparison.comparisonId, filter: 'Entry' })).items.find((row) => row.name === 'Entry')!;
    expect(entry).toMatchObject({ baseCount: 1000, targetCount: 2000, deltaCount: 1000, newCount: 0, deletedCount: 0 });

    const trend = await door.api.call('getTrend', { snapshotIds: [leaky[0]!.snapshotId, otherProcess.snapshotId, leaky[2]!.snapshotId] });
    expect(trend.warnings.length).toBeGreaterThan(0);
    await expect(
      door.api.call('findLeaks', { baselineSnapshotId: leaky[0]!.snapshotId, targetSnapshotId: otherProcess.snapshotId, finalSnapshotId: leaky[2]!.snapshotId }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('drops a comparison when one of its snapshots closes', async () => {
    const [extra] = await open([leaky[0]!.path]);
    const { comparisonId } = await door.api.call('compareSnapshots', { baseSnapshotId: extra!.snapshotId, targetSnapshotId: leaky[1]!.snapshotId });
    await door.api.call('closeSnapshot', { snapshotId: extra!.snapshotId });
    await expect(door.api.call('getComparisonClasses', { comparisonId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
