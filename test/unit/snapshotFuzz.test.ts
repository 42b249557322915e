import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/main/worker/openSnapshot';
import { SnapshotBuilder, chunksOf } from '../fixtures/snapshotBuilder';

function sampleSnapshot(): Buffer {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 10 });
  let previous = global;
  for (let k = 0; k < 40; k++) {
    const node = b.node({ type: k % 3 ? 'object' : 'string', name: k % 2 ? 'Entry' : 'w\u00e9ird "name"', selfSize: k, location: { scriptId: 1, line: k, column: 0 } });
    b.edge(previous, node, k % 5 ? 'property' : 'weak', k % 5 ? `p${k}` : k).edge(node, global, 'element', k);
    previous = node;
  }
  b.edge(b.root, global, 'shortcut', 'global');
  return Buffer.from(b.toJson());
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One random corruption: flipped bytes, a cut, a deleted or a duplicated run. */
function mutate(original: Buffer, next: () => number): Buffer {
  const bytes = Buffer.from(original);
  const at = Math.floor(next() * bytes.length);
  switch (Math.floor(next() * 4)) {
    case 0: {
      for (let k = 0; k < 1 + Math.floor(next() * 4); k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      return bytes;
    }
    case 1:
      return bytes.subarray(0, at);
    case 2:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + Math.floor(next() * 20)))]);
    default:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + Math.floor(next() * 20)), bytes.subarray(at)]);
  }
}

const TIME_LIMIT_MS = 5_000;

describe('fuzzing the parser', () => {
  it('either loads a corrupted snapshot or rejects it cleanly, never hangs or crashes', async () => {
    const original = sampleSnapshot();
    const next = random(20240607);
    const outcomes = { loaded: 0, rejected: 0 };
    for (let iteration = 0; iteration < 400; iteration++) {
      const input = mutate(original, next);
      const attempt = (async () => {
        // A corrupted count could ask for gigabytes; the memory check turns that into a clean
        // SNAPSHOT_TOO_LARGE refusal before anything is allocated, which is also acceptable.
        const model = await loadSnapshot(chunksOf(input, 1 + (iteration % 97), iteration), { memoryLimitBytes: 512 * 1024 ** 2 });
        model.summary();
        model.topRetainers(5);
      })();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`iteration ${iteration} did not finish in ${TIME_LIMIT_MS} ms`)), TIME_LIMIT_MS);
      });
      try {
        await Promise.race([attempt, timeout]);
        outcomes.loaded++;
      } catch (error) {
        const code = (error as { code?: string }).code;
        expect(['SNAPSHOT_PARSE', 'SNAPSHOT_TOO_LARGE'], `iteration ${iteration}: ${(error as Error).stack}`).toContain(code);
        outcomes.rejected++;
      } finally {
        clearTimeout(timer);
      }
    }
    // Both outcomes happen: the fuzzer is neither too gentle nor only breaking the header.
    expect(outcomes.loaded).toBeGreaterThan(20);
    expect(outcomes.rejected).toBeGreaterThan(100);
  }, 60_000);
});
