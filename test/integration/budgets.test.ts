import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/shared/contract/client';
import type { Budget } from '../../src/shared/model/findings';
import { createServices, type Services } from '../../src/main/services';
import { SNAPSHOT_WORKER_PATH } from '../fixtures/builtWorker';
import { SnapshotBuilder } from '../fixtures/snapshotBuilder';
import { tempHome } from '../fixtures/tempHome';

/** A heap of a 10-byte global holding `entries` Entry objects of 100 bytes: 10 + 100 × entries in all. */
function heapWith(entries: number): SnapshotBuilder {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 10 });
  b.edge(b.root, global, 'shortcut', 'global');
  for (let k = 0; k < entries; k++) b.edge(global, b.node({ name: 'Entry', selfSize: 100 }), 'property', `e${k}`);
  return b;
}

describe('budgets', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  let services: Services;
  let api: ApiClient;

  beforeAll(async () => {
    home = await tempHome();
    services = await createServices(home.root, { snapshotWorkerPath: SNAPSHOT_WORKER_PATH });
    api = createApiClient(services.door);
  });
  afterAll(async () => {
    await services.shutdown();
    await home.remove();
  });

  const BUDGETS: Budget[] = [
    { kind: 'totalHeap', maxBytes: 300 },
    { kind: 'classRetained', className: 'Entry', maxBytes: 250 },
    { kind: 'growthPerSnapshot', maxBytes: 400 },
    { kind: 'classRetained', className: 'Missing', maxBytes: 0 },
  ];

  it('are saved in the data folder and read back by the next run', async () => {
    expect(await api.call('getBudgets', {})).toEqual([]);
    expect(await api.call('setBudgets', { budgets: BUDGETS })).toEqual(BUDGETS);
    const again = await createServices(home.root, { snapshotWorkerPath: SNAPSHOT_WORKER_PATH });
    try {
      expect(await createApiClient(again.door).call('getBudgets', {})).toEqual(BUDGETS);
    } finally {
      await again.shutdown();
    }
  });

  it('refuse malformed budgets with a message naming the entry, and keep the saved ones', async () => {
    const refused = async (budgets: unknown) => {
      const error = await api.call('setBudgets', { budgets: budgets as Budget[] }).catch((caught: Error & { code?: string }) => caught);
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
      return (error as Error).message;
    };
    expect(await refused({ kind: 'totalHeap', maxBytes: 1 })).toMatch(/list/);
    expect(await refused([{ kind: 'totalHeap', maxBytes: 1 }, { kind: 'heap', maxBytes: 1 }])).toMatch(/Budget 2 has kind "heap"/);
    expect(await refused([{ kind: 'totalHeap', maxBytes: -5 }])).toMatch(/Budget 1 needs maxBytes/);
    expect(await refused([{ kind: 'totalHeap', maxBytes: 1.5 }])).toMatch(/whole number/);
    expect(await refused([{ kind: 'classRetained', maxBytes: 1 }])).toMatch(/needs a className/);
    expect(await refused([{ kind: 'totalHeap', maxBytes: 1, className: 'X' }])).toMatch(/unknown field "className"/);
    expect(await refused([null])).toMatch(/Budget 1 is not an object/);
    expect(await api.call('getBudgets', {})).toEqual(BUDGETS);
  });

  it('a damaged budgets file means no budgets, not a failed start', async () => {
    const other = await tempHome();
    await writeFile(join(other.root, 'budgets.json'), '[{"kind": "totalHeap"');
    const started = await createServices(other.root, { snapshotWorkerPath: SNAPSHOT_WORKER_PATH });
    try {
      expect(await createApiClient(started.door).call('getBudgets', {})).toEqual([]);
    } finally {
      await started.shutdown();
      await other.remove();
    }
  });

  it('are checked per snapshot: class retained size, heap total, growth since the previous snapshot', async () => {
    const paths = await Promise.all([heapWith(2).write(join(home.root, 'a.heapsnapshot')), heapWith(5).write(join(home.root, 'b.heapsnapshot'))]);
    const snapshotIds = [];
    for (const path of paths) snapshotIds.push((await api.call('openSnapshot', { path })).snapshotId);
    const [a, b] = snapshotIds as [string, string];
    // Without `budgets`, the saved ones apply.
    const results = await api.call('checkBudgets', { snapshotIds });
    expect(results.map((result) => [result.budget.kind, result.pass, result.perSnapshot.map((verdict) => [verdict.snapshotId, verdict.valueBytes, verdict.pass])])).toEqual([
      ['totalHeap', false, [[a, 210, true], [b, 510, false]]],
      ['classRetained', false, [[a, 200, true], [b, 500, false]]],
      ['growthPerSnapshot', true, [[a, null, true], [b, 300, true]]],
      ['classRetained', true, [[a, 0, true], [b, 0, true]]],
    ]);
    const given = await api.call('checkBudgets', { snapshotIds, budgets: [{ kind: 'growthPerSnapshot', maxBytes: 299 }] });
    expect(given.map((result) => result.pass)).toEqual([false]);
    await expect(api.call('checkBudgets', { snapshotIds: [a, a] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
