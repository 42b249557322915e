import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDLE_TARGET, startNodeTarget, type NodeTarget } from '../fixtures/nodeTarget';
import { tempHome } from '../fixtures/tempHome';
import { writeSnapshotSeries } from '../fixtures/snapshotSeries';
import { runCliIn } from '../fixtures/cliRunner';

function cli(argv: string[], root: string) {
  return runCliIn(root, argv);
}

describe('heapdeck CLI', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  let target: NodeTarget;

  beforeAll(async () => {
    home = await tempHome();
    target = await startNodeTarget(IDLE_TARGET, { inspect: true });
  });
  afterAll(async () => {
    await target.kill();
    await home.remove();
  });

  it('targets --json lists the process and its endpoint', async () => {
    const { code, out } = await cli(['targets', '--json', '--endpoint', `127.0.0.1:${target.port}`], home.root);
    expect(code).toBe(0);
    const listing = JSON.parse(out.join('\n'));
    expect(listing.processes.some((p: { pid: number }) => p.pid === target.pid)).toBe(true);
    expect(listing.endpoints.find((e: { endpoint: string }) => e.endpoint === `127.0.0.1:${target.port}`).reachable).toBe(true);
  });

  it('watch --json prints one JSON sample per interval and exits 0 after --duration', async () => {
    const { code, out, err } = await cli(['watch', `127.0.0.1:${target.port}`, '--interval', '250ms', '--duration', '2s', '--json'], home.root);
    expect(code, err.join('\n')).toBe(0);
    const samples = out.map((line) => JSON.parse(line)).filter((event) => event.type === 'sample');
    expect(samples.length).toBeGreaterThanOrEqual(6);
    expect(samples[0].heapUsedBytes).toBeGreaterThan(0);
    expect(err.join('\n')).toMatch(/Recording to session/);
  });

  it('gc forces a collection on a ws:// target', async () => {
    const { code, out } = await cli(['gc', target.webSocketUrl!], home.root);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Forced GC .* ms/);
  });

  it('snapshots --json lists a snapshot taken with "heapdeck snapshot", with its target', async () => {
    const path = join(home.root, 'cli.heapsnapshot');
    const taken = await cli(['snapshot', `127.0.0.1:${target.port}`, '-o', path, '--no-gc'], home.root);
    expect(taken.code, taken.err.join('\n')).toBe(0);
    const { code, out } = await cli(['snapshots', '--json'], home.root);
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual([
      expect.objectContaining({ path, source: 'imported', missing: false, sessionId: expect.any(String), target: expect.objectContaining({ pid: target.pid }) }),
    ]);
    const text = await cli(['snapshots'], home.root);
    expect(text.out.join('\n')).toContain(path);
  });

  it('exit code 2 for usage errors, 3 for an unreachable target', async () => {
    expect((await cli(['watch'], home.root)).code).toBe(2);
    expect((await cli(['watch', 'pid:abc'], home.root)).code).toBe(2);
    expect((await cli(['watch', '127.0.0.1:9', '--interval', 'fast'], home.root)).code).toBe(2);
    expect((await cli(['frobnicate'], home.root)).code).toBe(2);
    const closed = await cli(['watch', '127.0.0.1:1', '--duration', '1s'], home.root);
    expect(closed.code).toBe(3);
    expect(closed.err.join('\n')).toMatch(/TARGET_UNREACHABLE/);
    expect((await cli(['gc', 'pid:999999'], home.root)).code).toBe(3);
  });

  it('findings --json over a series, skipping an unreadable file; a failing --budget exits 4', async () => {
    const paths = await writeSnapshotSeries(home.root, {
      name: 'cli-findings',
      setup: 'class Registry { constructor() { this.items = new Map(); } } globalThis.registry = new Registry(); let next = 0;',
      step: 'for (let i = 0; i < 500; i++, next++) registry.items.set(next, { next });',
    });
    const broken = join(home.root, 'broken.heapsnapshot');
    await writeFile(broken, '{"snapshot": not json');
    const { code, out, err } = await cli(['findings', paths[0]!, broken, paths[1]!, paths[2]!, '--json'], home.root);
    expect(code, err.join('\n')).toBe(0);
    expect(err.join('\n')).toContain(`Skipping ${broken}`);
    const report = JSON.parse(out.join('\n'));
    expect(report.snapshots.map((snapshot: { path: string }) => snapshot.path)).toEqual(paths);
    expect(report.skipped).toEqual([{ path: broken, error: expect.any(String) }]);
    const growing = report.findings.filter((finding: { kind: string }) => finding.kind === 'growing-collection');
    expect(growing).toHaveLength(1);
    expect(growing[0].evidence.series.values).toEqual([500, 1000, 1500]);
    expect(growing[0].evidence.path[0]).toMatchObject({ edgeName: 'items', holder: { className: 'Registry' } });

    const totals: number[] = report.snapshots.map((snapshot: { totalSizeBytes: number }) => snapshot.totalSizeBytes);
    const budgetFile = join(home.root, 'budgets.json');
    // Passes for the first snapshot only: the heap grows with the registry.
    await writeFile(budgetFile, JSON.stringify([{ kind: 'totalHeap', maxBytes: totals[0] }]));
    const checked = await cli(['findings', ...paths, '--json', '--budget', budgetFile], home.root);
    expect(checked.code, checked.err.join('\n')).toBe(4);
    const [result] = JSON.parse(checked.out.join('\n')).budgets;
    expect(result.pass).toBe(false);
    expect(result.perSnapshot.map((verdict: { valueBytes: number; pass: boolean }) => [verdict.valueBytes, verdict.pass])).toEqual([
      [totals[0], true],
      [totals[1], false],
      [totals[2], false],
    ]);
    await writeFile(budgetFile, JSON.stringify([{ kind: 'totalHeap', maxBytes: totals[2] }]));
    const text = await cli(['findings', ...paths, '--budget', budgetFile], home.root);
    expect(text.code).toBe(0);
    expect(text.out.join('\n')).toMatch(/PASS +total heap/);
    await writeFile(budgetFile, JSON.stringify([{ kind: 'totalHeap', maxBytes: -1 }]));
    expect((await cli(['findings', ...paths, '--budget', budgetFile], home.root)).code).toBe(2);
  }, 60_000);

  it('diff --json and leaks --json over a series with a growing cache', async () => {
    const paths = await writeSnapshotSeries(home.root, {
      name: 'cli-compare',
      setup: 'class Entry { constructor(i) { this.value = [i, i + 1]; } } class Store { constructor() { this.cache = new Map(); } } globalThis.store = new Store(); let next = 0;',
      step: 'for (let i = 0; i < 700; i++, next++) store.cache.set(next, new Entry(next));',
    });
    const diff = await cli(['diff', paths[0]!, paths[1]!, '--json'], home.root);
    expect(diff.code, diff.err.join('\n')).toBe(0);
    const compared = JSON.parse(diff.out.join('\n'));
    expect(compared.comparison.matchedById).toBe(true);
    expect(compared.classes.find((row: { name: string }) => row.name === 'Entry')).toMatchObject({ baseCount: 700, targetCount: 1400, newCount: 700, deltaCount: 700 });
    expect(compared.allocated[0]).toMatchObject({ count: 700, classNames: ['Entry'] });
    expect(compared.allocated[0].pattern).toContain('Store.cache → Map.table');

    const leaks = await cli(['leaks', ...paths, '--json'], home.root);
    expect(leaks.code, leaks.err.join('\n')).toBe(0);
    const { report } = JSON.parse(leaks.out.join('\n'));
    expect(report.clusters[0]).toMatchObject({ count: 700, classNames: ['Entry'] });
    expect(report.clusters[0].representative.path.map((step: { holder: { className: string } }) => step.holder.className)).toContain('Store');

    const text = await cli(['leaks', ...paths], home.root);
    expect(text.out.join('\n')).toMatch(/700 × Entry/);
    expect((await cli(['leaks', paths[0]!, paths[1]!], home.root)).code).toBe(2);
  }, 60_000);
});
