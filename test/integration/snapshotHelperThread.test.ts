import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeapSnapshotModel } from '../../src/main/worker/model/heapSnapshotModel';
import { openSnapshot } from '../../src/main/worker/openSnapshot';

/** The helper thread as `npm run build` writes it; `npm test` builds before the tests run. */
const HELPER_SCRIPT = resolve(__dirname, '../../out/main/snapshotHelper.js');

// A heap big enough that `nodes` and `edges` span many of the parser's 1 MB jobs, so records
// split between jobs and both threads take part: records, strings, arrays, maps, closures.
const BIG_HEAP = `
class Row { constructor(i) { this.id = i; this.name = 'row-' + i; this.tags = [i % 7, 'tag' + (i % 13)]; } }
globalThis.rows = Array.from({ length: 60000 }, (_, i) => new Row(i));
globalThis.index = new Map(globalThis.rows.map((row) => [row.name, row]));
globalThis.handlers = Array.from({ length: 5000 }, (_, i) => () => i);
globalThis.plain = Array.from({ length: 20000 }, (_, i) => ({ a: i, b: 'x' + i, c: { d: i } }));
const keys = Array.from({ length: 2000 }, (_, i) => ({ key: i }));
globalThis.keys = keys;
globalThis.weak = new WeakMap(keys.map((key) => [key, { value: [key.key] }]));
require('v8').writeHeapSnapshot(process.argv[1]);
`;

/** Everything a user can see of a snapshot, sampled over the objects. */
function describeModel(model: HeapSnapshotModel) {
  const summary = model.summary();
  const sampled = [];
  for (let ordinal = 0; ordinal < summary.nodeCount; ordinal += 101) {
    sampled.push({
      object: model.object(ordinal),
      path: model.dominatorPath(ordinal).map((row) => row.ordinal),
      edges: model.edgesOf(ordinal, { limit: 20 }),
      retainers: model.retainersOf(ordinal, { limit: 20 }),
    });
  }
  return { summary, top: model.topRetainers(50), sampled };
}

async function openError(path: string, helperScript: string | null): Promise<{ code: string; message: string }> {
  try {
    await openSnapshot(path, { useCache: false, helperScript });
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the snapshot to be rejected');
}

describe('the helper thread', () => {
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heapdeck-helper-'));
    path = join(dir, 'big.heapsnapshot');
    execFileSync(process.execPath, ['-e', BIG_HEAP, path]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives exactly the results of one thread', async () => {
    const single = describeModel(await openSnapshot(path, { useCache: false, helperScript: null }));
    const shared = describeModel(await openSnapshot(path, { useCache: false, helperScript: HELPER_SCRIPT }));
    expect(single.summary.nodeCount).toBeGreaterThan(300_000);
    expect(shared).toEqual(single);
    // As for mid-sized snapshots: the helper parses, counts retainers and marks what the globals
    // own while the strings are read, then leaves the analysis to this thread.
    const parseOnly = describeModel(await openSnapshot(path, { useCache: false, helperScript: HELPER_SCRIPT, helperAnalysis: false }));
    expect(parseOnly).toEqual(single);
  });

  it('reports the same first error as one thread, wherever the jobs are cut', async () => {
    const json = await readFile(path, 'latin1');
    const edgesAt = json.indexOf('"edges":[');
    const stringsAt = json.indexOf('"strings":[');
    // Deep inside `edges`, past the first jobs: a stray byte, then an edge to a missing node.
    const middle = json.indexOf(',', edgesAt + Math.floor((stringsAt - edgesAt) * 0.6)) + 1;
    const cases: [string, RegExp][] = [
      [json.slice(0, middle) + 'x' + json.slice(middle), /unexpected 'x' where only non-negative integers belong in "edges"/],
      // Which of an edge's three fields the extra number lands in depends on the heap written.
      [json.slice(0, middle) + '999999999999,' + json.slice(middle), /points to node index|has type|name index beyond/],
    ];
    for (const [bad, message] of cases) {
      const badPath = join(dir, 'bad.heapsnapshot');
      await writeFile(badPath, bad, 'latin1');
      const single = await openError(badPath, null);
      expect(single.code).toBe('SNAPSHOT_PARSE');
      expect(single.message).toMatch(message);
      expect(await openError(badPath, HELPER_SCRIPT)).toMatchObject({ code: single.code, message: single.message });
    }
  });
});
