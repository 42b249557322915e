import type { ChunkCursor } from './chunkCursor';
import { CLOSE_BRACKET, COMMA, OPEN_BRACKET, expectToken, isWhitespace } from './jsonTokens';
import { describeByte, snapshotParseError, truncatedError } from './parseError';

/**
 * Receives parsed numbers in batches. Every batch but the last holds whole records of
 * `recordSize` numbers, so a sink can read fields at fixed offsets without tracking position.
 */
export interface NumberSink {
  readonly recordSize: number;
  accept(batch: Float64Array, count: number): void;
}

const TARGET_BATCH_SIZE = 16 * 1024;

// Where the scanner is between two bytes.
const EXPECT_FIRST = 0; // just after '[': a number or ']'
const IN_NUMBER = 1;
const AFTER_NUMBER = 2; // a number ended with whitespace: ',' or ']' must follow
const EXPECT_NUMBER = 3; // just after ',': a number must follow

const NEWLINE = 0x0a;

/** What survives from one chunk to the next. */
class ScanState {
  /** The number being read (a double: exact up to 2^53, checked when it ends). */
  value = 0;
  state = EXPECT_FIRST;
  filled = 0;
  total = 0;
  closed = false;
  /** Set when the chunk scan stops on bad input: a description for the error. */
  problem = '';

  constructor(
    readonly batch: Float64Array,
    readonly sink: NumberSink,
  ) {}
}

/**
 * The hot loop, kept out of the async function so it optimises as a plain function.
 * Returns the index where it stopped: after ']' (state.closed), at a bad byte (state.problem)
 * or at `end`. A fast lane reads V8's usual `12,345\n,6` runs with few branches; anything
 * else (whitespace, ']', a number cut by the chunk end, errors) goes through the state machine.
 */
function scanChunk(buf: Uint8Array, from: number, end: number, scan: ScanState): number {
  const batch = scan.batch;
  const batchSize = batch.length;
  let { value, state, filled } = scan;
  let i = from;
  while (i < end) {
    const byte = buf[i]!;
    let digit = byte - 0x30;
    if (digit >>> 0 <= 9) {
      if (state === AFTER_NUMBER) {
        scan.problem = 'two numbers without a comma between them';
        break;
      }
      if (state === IN_NUMBER) {
        value = value * 10 + digit;
        i++;
        continue;
      }
      // Fast lane: whole numbers each followed by ',' or '\n,'.
      for (;;) {
        value = digit;
        while (++i < end) {
          digit = buf[i]! - 0x30;
          if (digit >>> 0 > 9) break;
          value = value * 10 + digit;
        }
        state = IN_NUMBER;
        if (i === end) break;
        let next = buf[i]!;
        if (next === NEWLINE && i + 1 < end) {
          next = buf[++i]!;
          state = AFTER_NUMBER;
        }
        if (next !== COMMA || value > Number.MAX_SAFE_INTEGER) break;
        batch[filled++] = value;
        if (filled === batchSize) {
          scan.sink.accept(batch, filled);
          scan.total += filled;
          filled = 0;
        }
        state = EXPECT_NUMBER;
        if (++i === end) break;
        digit = buf[i]! - 0x30;
        if (digit >>> 0 > 9) break;
      }
      continue;
    }
    if (byte === COMMA || byte === CLOSE_BRACKET) {
      if (state === IN_NUMBER || state === AFTER_NUMBER) {
        if (value > Number.MAX_SAFE_INTEGER) {
          scan.problem = 'a number that is too large';
          break;
        }
        batch[filled++] = value;
        if (filled === batchSize) {
          scan.sink.accept(batch, filled);
          scan.total += filled;
          filled = 0;
        }
      } else if (byte === COMMA || state === EXPECT_NUMBER) {
        scan.problem = 'a missing number';
        break;
      }
      i++;
      if (byte === CLOSE_BRACKET) {
        scan.closed = true;
        break;
      }
      state = EXPECT_NUMBER;
      continue;
    }
    if (isWhitespace(byte)) {
      if (state === IN_NUMBER) state = AFTER_NUMBER;
      i++;
      continue;
    }
    scan.problem = `unexpected ${describeByte(byte)} where only non-negative integers belong`;
    break;
  }
  scan.value = value;
  scan.state = state;
  scan.filled = filled;
  return i;
}

/**
 * Scans a JSON array of non-negative integers (`nodes`, `edges`, `locations`, ...) byte by byte
 * into `sink`. Values up to 2^53 stay exact (they are accumulated as doubles). Returns how many
 * numbers the array held.
 */
export async function scanNumberArray(cursor: ChunkCursor, section: string, sink: NumberSink): Promise<number> {
  await expectToken(cursor, OPEN_BRACKET, section);
  const recordsPerBatch = Math.max(1, Math.floor(TARGET_BATCH_SIZE / sink.recordSize));
  const scan = new ScanState(new Float64Array(recordsPerBatch * sink.recordSize), sink);
  for (;;) {
    if (!(await cursor.fill())) throw truncatedError(section, cursor.offset);
    cursor.pos = scanChunk(cursor.buf, cursor.pos, cursor.end, scan);
    if (scan.problem) throw snapshotParseError(`${scan.problem} in "${section}"`, cursor.offset);
    if (scan.closed) {
      sink.accept(scan.batch, scan.filled);
      return scan.total + scan.filled;
    }
  }
}
