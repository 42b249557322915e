import { describe, expect, it } from 'vitest';
import { scanNumberJob, type NumberJob } from '../../src/main/worker/parse/numberJobScan';
import { NumberScanner } from '../../src/main/worker/parse/numberScanner';

const JOB_BYTES = 4096;
const scanner = new NumberScanner(JOB_BYTES);

function job(text: string, first = false, last = text.endsWith(']')): NumberJob {
  const bytes = new Uint8Array(JOB_BYTES);
  const encoded = new TextEncoder().encode(text);
  bytes.set(encoded);
  return { bytes, length: encoded.length, offset: 1000, first, last };
}

/** What the JavaScript scanner makes of a job: its values, or its error message. */
function byJavaScript(piece: NumberJob): number[] | string {
  const values = new Float64Array(JOB_BYTES / 2 + 1);
  try {
    return Array.from(values.subarray(0, scanNumberJob(piece, values, 'edges')));
  } catch (error) {
    return (error as Error).message;
  }
}

function byScanner(piece: NumberJob): number[] | string {
  try {
    return Array.from(scanner.values.subarray(0, scanner.run(piece, 'edges')));
  } catch (error) {
    return (error as Error).message;
  }
}

/** A deterministic pseudo-random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('the WebAssembly number kernel', () => {
  it("scans V8's own layouts itself, exactly as the JavaScript scanner does", () => {
    const layouts = ['0,1,2\n,3,4,5\n,', '7,9007199254740991,', '12,345\n,6\n]', '1,2,3]'];
    for (const text of layouts) {
      const piece = job(text);
      const count = scanner.scanFast(piece);
      expect(count, text).toBeGreaterThanOrEqual(0);
      expect(Array.from(scanner.values.subarray(0, count)), text).toEqual(byJavaScript(piece));
    }
  });

  it('leaves other layouts and every error to the JavaScript scanner', () => {
    const others: [string, boolean?][] = [
      [']', true],
      [' 1 , 2 ]'],
      ['1\r\n,2,'],
      ['1,\n2,'],
      ['9007199254740992,'],
      ['123456789012345678,'],
      ['00000000000000001,'],
      ['1,,2,'],
      ['1 2,'],
      ['1,x,'],
      ['12'],
      ['1,2,', false],
    ];
    for (const [text, first] of others) {
      const piece = job(text, first ?? false, text === '1,2,' ? true : text.endsWith(']'));
      expect(scanner.scanFast(piece), text).toBe(-1);
      expect(byScanner(piece), text).toEqual(byJavaScript(piece));
    }
  });

  it('agrees with the JavaScript scanner on thousands of mutated jobs', () => {
    const next = random(7);
    const pieces = ['0', '7', '42', '123456', '9007199254740991', '9007199254740993', ',', ',', '\n,', '\n', ' ', ']', 'x', '-1', '1e3'];
    for (let round = 0; round < 5000; round++) {
      let text = '';
      const parts = 1 + Math.floor(next() * 12);
      for (let k = 0; k < parts; k++) text += next() < 0.7 ? `${Math.floor(next() * 1e6)},` : pieces[Math.floor(next() * pieces.length)];
      const piece = job(text, next() < 0.2, next() < 0.5 ? text.endsWith(']') : next() < 0.5);
      expect(byScanner(piece), JSON.stringify(text)).toEqual(byJavaScript(piece));
    }
  });
});
