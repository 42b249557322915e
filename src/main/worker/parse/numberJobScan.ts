import { CLOSE_BRACKET, COMMA, isWhitespace } from './jsonTokens';
import { describeByte, snapshotParseError } from './parseError';

const NEWLINE = 0x0a;

/**
 * One piece of a JSON array of non-negative integers, cut so that it stands alone: it starts
 * right after the array's '[' or right after a comma, and ends right after a comma or with the
 * array's ']'. Such pieces can be scanned in any order, on any thread.
 */
export interface NumberJob {
  bytes: Uint8Array;
  length: number;
  /** Absolute offset of `bytes[0]` in the input, for error messages. */
  offset: number;
  /** Starts right after '[' (so ']' may close an empty array). */
  first: boolean;
  /** Ends with the array's ']' (else right after a comma). */
  last: boolean;
}

/**
 * Scans a job's numbers into `values` (which must hold `job.length / 2 + 1` entries) and returns
 * how many there were. Values up to 2^53 stay exact. Throws SNAPSHOT_PARSE on anything else.
 * Numbers are usually `12,345\n,6`: the loop reads digits and one separator with few branches,
 * and only other whitespace, ']' or the end goes the slow way.
 */
export function scanNumberJob(job: NumberJob, values: Float64Array, section: string): number {
  const { bytes, length: end } = job;
  // A job ends with a comma or ']', so a run of digits always stops before the end: the digit
  // loop needs no bounds check. Checked here rather than trusted.
  if (end > 0 && (bytes[end - 1]! - 0x30) >>> 0 <= 9) throw problem(job, end, section, 'an unexpected end');
  let count = 0;
  let i = 0;
  for (;;) {
    let digit = (i < end ? bytes[i]! : -1) - 0x30;
    if (digit >>> 0 > 9) {
      // Not a digit where a number must start: whitespace, the end of an empty array or of the
      // job (right after a comma), or an error.
      const byte = i < end ? bytes[i]! : -1;
      if (byte >= 0 && isWhitespace(byte)) {
        i++;
        continue;
      }
      const afterComma = count > 0 || !job.first;
      if (byte === CLOSE_BRACKET && !afterComma) return count;
      if (byte === -1 && afterComma && !job.last) return count;
      throw problem(job, i, section, byte === COMMA || byte === CLOSE_BRACKET ? 'a missing number' : unexpected(byte));
    }
    let value = digit;
    while ((digit = bytes[++i]! - 0x30) >>> 0 <= 9) value = value * 10 + digit;
    if (value > Number.MAX_SAFE_INTEGER) throw problem(job, i, section, 'a number that is too large');
    values[count++] = value;
    let byte = bytes[i]!;
    if (byte === COMMA) {
      i++;
      continue;
    }
    if (byte === NEWLINE && bytes[i + 1] === COMMA) {
      i += 2;
      continue;
    }
    while (byte >= 0 && isWhitespace(byte)) byte = ++i < end ? bytes[i]! : -1;
    if (byte === CLOSE_BRACKET) return count;
    if (byte !== COMMA) {
      const what = (byte - 0x30) >>> 0 <= 9 ? 'two numbers without a comma between them' : unexpected(byte);
      throw problem(job, i, section, what);
    }
    i++;
  }
}

function unexpected(byte: number): string {
  return byte < 0 ? 'an unexpected end' : `unexpected ${describeByte(byte)} where only non-negative integers belong`;
}

function problem(job: NumberJob, at: number, section: string, what: string): Error {
  return snapshotParseError(`${what} in "${section}"`, job.offset + at);
}
