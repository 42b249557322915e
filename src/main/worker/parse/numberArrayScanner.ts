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

/** What survives from one chunk to the next. */
class ScanState {
  /** The number so far while it has at most 9 digits, kept as an int32 for speed. */
  value = 0;
  /** The exact number once it has more than 9 digits (rare: huge native sizes). */
  bigValue = 0;
  digits = 0;
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
 * or at `end`.
 */
function scanChunk(buf: Uint8Array, from: number, end: number, scan: ScanState): number {
  const batch = scan.batch;
  const batchSize = batch.length;
  let { value, digits, state, filled } = scan;
  let i = from;
  while (i < end) {
    const byte = buf[i]!;
    let digit = byte - 0x30;
    if (digit >>> 0 <= 9) {
      if (state === AFTER_NUMBER) {
        scan.problem = 'two numbers without a comma between them';
        break;
      }
      if (state !== IN_NUMBER) {
        value = 0;
        digits = 0;
        state = IN_NUMBER;
      }
      // Tight inner loop over the digits of one number.
      for (;;) {
        if (digits < 9) value = (value * 10 + digit) | 0;
        else scan.bigValue = (digits === 9 ? value : scan.bigValue) * 10 + digit;
        digits++;
        if (++i === end) break;
        digit = buf[i]! - 0x30;
        if (digit >>> 0 > 9) break;
      }
      continue;
    }
    if (byte === COMMA || byte === CLOSE_BRACKET) {
      if (state === IN_NUMBER || state === AFTER_NUMBER) {
        if (digits > 9) {
          if (scan.bigValue > Number.MAX_SAFE_INTEGER) {
            scan.problem = 'a number that is too large';
            break;
          }
          batch[filled++] = scan.bigValue;
        } else {
          batch[filled++] = value;
        }
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
  scan.digits = digits;
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
