import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeapSnapshotModel } from '../../src/main/worker/model/heapSnapshotModel';
import { loadSnapshot, openSnapshot } from '../../src/main/worker/openSnapshot';
import { SnapshotBuilder, chunksOf, type WriteOptions } from '../fixtures/snapshotBuilder';

/** A small graph with every edge kind the parser distinguishes and an escaped name. */
function sample(): SnapshotBuilder {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 10 });
  const entry = b.node({ name: 'Entry', selfSize: 32, location: { scriptId: 3, line: 4, column: 5 } });
  const text = b.node({ type: 'string', name: 'PLACEHOLDER', selfSize: 24 });
  const list = b.node({ type: 'array', name: '', selfSize: 16 });
  b.edge(b.root, global, 'element', 1).edge(global, entry, 'property', 'entry').edge(entry, text, 'property', 'text');
  b.edge(global, list, 'internal', 'list').edge(list, entry, 'element', 0).edge(list, text, 'weak', 1);
  return b;
}

const ESCAPED = '"caf\\u00e9 \\ud83d\\ude00 \\n\\t\\"\\\\\\/ lone\\ud800! raw ü"';
const DECODED = 'café 😀 \n\t"\\/ lone\ufffd! raw ü';

function sampleJson(options?: WriteOptions): string {
  return sample().toJson(options).replace('"PLACEHOLDER"', ESCAPED);
}

function describeModel(model: HeapSnapshotModel) {
  const summary = model.summary();
  return {
    counts: [summary.nodeCount, summary.edgeCount, summary.totalSizeBytes],
    objects: Array.from({ length: summary.nodeCount }, (_, ordinal) => model.object(ordinal)),
    edges: Array.from({ length: summary.nodeCount }, (_, ordinal) => model.edgesOf(ordinal).items.map((row) => [row.type, row.name, row.node.ordinal])),
    classes: summary.classes,
  };
}

async function parseError(json: string): Promise<{ code: string; message: string }> {
  try {
    await loadSnapshot(chunksOf(json, 7));
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the snapshot to be rejected');
}

function edit(json: string, change: (snapshot: Record<string, any>) => void): string {
  const snapshot = JSON.parse(json);
  change(snapshot);
  return JSON.stringify(snapshot);
}

describe('streaming parser', () => {
  it('decodes escapes, surrogate pairs and raw UTF-8, whatever the chunk boundaries', async () => {
    const reference = describeModel(await loadSnapshot(chunksOf(sampleJson())));
    expect(reference.objects[3]!.name).toBe(DECODED);
    expect(reference.edges[2]).toEqual([['property', 'text', 3]]);
    for (let seed = 1; seed <= 20; seed++) {
      expect(describeModel(await loadSnapshot(chunksOf(sampleJson(), 1 + (seed % 7), seed)))).toEqual(reference);
    }
  });

  it('reads fields and sections in any order, with or without optional fields and sections', async () => {
    const reference = describeModel(await loadSnapshot(chunksOf(sampleJson())));
    const variants: WriteOptions[] = [
      { nodeFields: ['edge_count', 'id', 'name', 'type', 'self_size'] },
      { edgeFields: ['to_node', 'name_or_index', 'type'] },
      { sectionOrder: ['strings', 'edges', 'locations', 'nodes', 'samples', 'snapshot'] },
      { sectionOrder: ['snapshot', 'nodes', 'edges', 'locations', 'strings'] },
    ];
    for (const options of variants) {
      expect(describeModel(await loadSnapshot(chunksOf(sampleJson(options), 5))), JSON.stringify(options)).toEqual(reference);
    }
    const withoutLocations = describeModel(await loadSnapshot(chunksOf(sampleJson({ withoutLocations: true }))));
    expect(withoutLocations.classes.find((row) => row.name === 'Entry')!.location).toBeUndefined();
    expect(reference.classes.find((row) => row.name === 'Entry')!.location).toEqual({ scriptId: 3, line: 4, column: 5 });
  });

  it('accepts any JSON whitespace between numbers, as V8 writes it or otherwise', async () => {
    const reference = describeModel(await loadSnapshot(chunksOf(sampleJson())));
    const spaced = sampleJson().replace(/"(nodes|edges)":\[([^\]]*)\]/g, (_all, key: string, body: string) => `"${key}": [ ${body.replaceAll(',', '\n ,\r\n\t')} ]`);
    expect(spaced).not.toBe(sampleJson());
    expect(describeModel(await loadSnapshot(chunksOf(spaced, 3)))).toEqual(reference);
  });

  it('skips sections it does not use, whatever they hold', async () => {
    const json = edit(sampleJson(), (snapshot) => {
      snapshot.trace_tree = [[1, 2, [3, { nested: '] } [ "' }]]];
      snapshot.samples = [1, 2, 3, 4];
      snapshot.some_future_section = { a: [1, 'x'] };
    });
    expect((await loadSnapshot(chunksOf(json, 3))).object(3).name).toBe(DECODED);
  });

  it.each([
    ['an empty file', '', /the file is empty/],
    ['only whitespace', ' \n\t ', /the file is empty/],
    ['not JSON', 'hello, world', /starts with 'h'/],
    ['a JSON array', '[1,2,3]', /starts with '\['/],
    ['JSON that is not a snapshot', '{"name":"package","version":"1.0.0"}', /no "snapshot" section/],
    ['an empty object', '{}', /no "snapshot" section/],
    ['trailing data', `${sampleJson()} x`, /unexpected 'x' after the end/],
  ])('rejects %s', async (_what, json, message) => {
    const error = await parseError(json);
    expect(error.code).toBe('SNAPSHOT_PARSE');
    expect(error.message).toMatch(message);
  });

  it('rejects a truncated file, wherever it is cut', async () => {
    const json = sampleJson();
    for (const cut of [1, 20, json.indexOf('"nodes"') + 12, json.indexOf('"edges"') + 12, json.indexOf('"strings"') + 15, json.length - 1]) {
      const error = await parseError(json.slice(0, cut));
      expect(error.code, `cut at ${cut}`).toBe('SNAPSHOT_PARSE');
      expect(error.message, `cut at ${cut}`).toMatch(/truncated|ends in the middle|is not valid JSON/);
    }
  });

  it('rejects missing or inconsistent meta data', async () => {
    const json = sampleJson();
    const cases: [(snapshot: Record<string, any>) => void, RegExp][] = [
      [(s) => delete s.snapshot.meta, /no "meta" object/],
      [(s) => delete s.snapshot.meta.node_fields, /node_fields/],
      [(s) => s.snapshot.meta.node_fields.splice(s.snapshot.meta.node_fields.indexOf('id'), 1, 'identity'), /no "id" field/],
      [(s) => delete s.snapshot.node_count, /"snapshot.node_count" is missing/],
      [(s) => (s.snapshot.node_count += 1), /holds 5 whole nodes but "snapshot.node_count" says 6/],
      [(s) => (s.snapshot.node_count -= 1), /more than the 4 nodes/],
      [(s) => (s.snapshot.edge_count += 1), /edge counts add up to 6 but "snapshot.edge_count" says 7/],
      [(s) => (s.snapshot.edge_count -= 1), /more than the 5 edges/],
      [(s) => s.nodes.push(9), /partial one/],
      [(s) => (s.nodes[4] += 1), /edge counts add up to more than the 6 edges/],
      [(s) => delete s.edges, /"edges" section is missing/],
      [(s) => delete s.strings, /"strings" section is missing/],
    ];
    for (const [change, message] of cases) {
      const error = await parseError(edit(json, change));
      expect(error.code, String(message)).toBe('SNAPSHOT_PARSE');
      expect(error.message).toMatch(message);
    }
  });

  it('rejects edges to nodes that do not exist and types or names it cannot resolve', async () => {
    const json = sampleJson();
    const cases: [(snapshot: Record<string, any>) => void, RegExp][] = [
      [(s) => (s.edges[2] = 5 * 7), /beyond the last node/],
      [(s) => (s.edges[2] = 8), /not the start of a node/],
      [(s) => (s.nodes[7] = 99), /node 1 has type 99, which "node_types" does not define/],
      [(s) => (s.edges[0] = 42), /edge 0 has type 42, which "edge_types" does not define/],
      [(s) => (s.nodes[8] = 1000), /refers to string 1000 but "strings" has only/],
      [(s) => (s.edges[4] = 1000), /refers to string 1000/],
    ];
    for (const [change, message] of cases) {
      const error = await parseError(edit(json, change));
      expect(error.code).toBe('SNAPSHOT_PARSE');
      expect(error.message).toMatch(message);
    }
  });

  it('rejects malformed arrays and strings', async () => {
    const json = sampleJson();
    const nodesAt = json.indexOf('"nodes":[') + 9;
    const cases: [string, RegExp][] = [
      [json.slice(0, nodesAt) + '9,,' + json.slice(nodesAt), /a missing number in "nodes"/],
      [json.slice(0, nodesAt) + '-9,' + json.slice(nodesAt), /unexpected '-' where only non-negative integers belong/],
      [json.slice(0, nodesAt) + '9 9,' + json.slice(nodesAt), /two numbers without a comma/],
      [json.slice(0, nodesAt) + '9\n9,' + json.slice(nodesAt), /two numbers without a comma/],
      [json.replace(ESCAPED, '"bad \\x escape"'), /invalid escape \\x/],
      [json.replace(ESCAPED, '"bad \\u12G4"'), /invalid \\u escape/],
      [json.replace(ESCAPED, '"raw \n newline"'), /unescaped control character/],
      [json.replace('"nodes"', '"strings":[],"nodes"'), /"strings" appears twice/],
    ];
    for (const [bad, message] of cases) {
      const error = await parseError(bad);
      expect(error.code).toBe('SNAPSHOT_PARSE');
      expect(error.message).toMatch(message);
    }
  });
});

describe('opening files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heapdeck-snapshot-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens a file and reports reading progress', async () => {
    const path = join(dir, 'sample.heapsnapshot');
    await writeFile(path, sampleJson());
    const steps: string[] = [];
    let lastRead = 0;
    const model = await openSnapshot(path, {
      onProgress: (progress) => {
        steps.push(progress.step);
        if (progress.step === 'reading') {
          lastRead = progress.bytesRead;
          expect(progress.totalBytes).toBe(Buffer.byteLength(sampleJson()));
        }
      },
    });
    expect(model.object(3).name).toBe(DECODED);
    expect(lastRead).toBe(Buffer.byteLength(sampleJson()));
    expect([...new Set(steps)]).toEqual(['reading', 'retainers', 'dominators', 'distances', 'classes', 'summary']);
  });

  it('reads a file whose sections span many reads and jobs, and a file cut inside them fails cleanly', async () => {
    // A few MB: `nodes` and `edges` span several of the reader's chunks and the parser's jobs.
    const b = new SnapshotBuilder();
    let previous = b.node({ name: 'global', selfSize: 10 });
    b.edge(b.root, previous, 'shortcut', 'global');
    for (let k = 0; k < 100_000; k++) {
      const node = b.node({ name: k % 2 ? 'Odd' : 'Even', selfSize: 16 + (k % 5) });
      b.edge(previous, node, 'property', `p${k % 7}`);
      previous = node;
    }
    const json = b.toJson();
    expect(json.indexOf('"strings"') - json.indexOf('"edges"')).toBeGreaterThan(1024 * 1024);
    const path = join(dir, 'long.heapsnapshot');
    await writeFile(path, json);
    const fromFile = describeModel(await openSnapshot(path, { useCache: false }));
    expect(fromFile).toEqual(describeModel(await loadSnapshot(chunksOf(json, 4096))));
    for (const cut of [json.indexOf('"edges"') - 1000, json.indexOf('"strings"') - 1000]) {
      await writeFile(path, json.slice(0, cut));
      const error = await openSnapshot(path, { useCache: false }).catch((thrown: { code: string; message: string }) => thrown);
      expect(error, `cut at ${cut}`).toMatchObject({ code: 'SNAPSHOT_PARSE', message: expect.stringMatching(/truncated|ends in the middle/) });
    }
  });

  it('says what is wrong with a path, a size or a cancel', async () => {
    await expect(openSnapshot(join(dir, 'missing.heapsnapshot'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openSnapshot(dir)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const path = join(dir, 'big.heapsnapshot');
    await writeFile(path, sampleJson());
    await expect(openSnapshot(path, { memoryLimitBytes: 1024 })).rejects.toMatchObject({
      code: 'SNAPSHOT_TOO_LARGE',
      message: expect.stringMatching(/needs about 0\.1 GB of memory but only 0\.0 GB is available/),
    });
    await expect(openSnapshot(path, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
