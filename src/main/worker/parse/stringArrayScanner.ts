import type { ChunkCursor } from './chunkCursor';
import { BACKSLASH, CLOSE_BRACKET, COMMA, OPEN_BRACKET, QUOTE, expectToken, isWhitespace } from './jsonTokens';
import { describeByte, snapshotParseError, truncatedError } from './parseError';
import type { StringStore } from './stringStore';

const LETTER_U = 0x75;
const NO_PENDING = -1;

const SIMPLE_ESCAPES = new Int16Array(128).fill(-1);
for (const [letter, byte] of [
  ['"', 0x22], ['\\', 0x5c], ['/', 0x2f], ['b', 0x08], ['f', 0x0c], ['n', 0x0a], ['r', 0x0d], ['t', 0x09],
] as const) {
  SIMPLE_ESCAPES[letter.charCodeAt(0)] = byte;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Decodes the JSON escapes of one string into UTF-8 in the store. A `\uD83D\uDE00` pair becomes
 * one 4-byte character; a lone surrogate cannot be UTF-8 and becomes U+FFFD.
 */
class EscapeDecoder {
  private pendingHigh = NO_PENDING;

  constructor(private readonly store: StringStore) {}

  /** Call before appending anything that is not a `\u` escape. */
  flush(): void {
    if (this.pendingHigh !== NO_PENDING) {
      this.pendingHigh = NO_PENDING;
      this.writeCodePoint(0xfffd);
    }
  }

  /** Decodes the escape whose letter is `bytes[at]` (the byte after the backslash). */
  decode(bytes: Uint8Array, at: number, offset: number): void {
    const letter = bytes[at]!;
    if (letter !== LETTER_U) {
      const simple = letter < 128 ? SIMPLE_ESCAPES[letter]! : -1;
      if (simple < 0) throw snapshotParseError(`an invalid escape \\${String.fromCharCode(letter)} in "strings"`, offset);
      this.flush();
      this.store.appendByte(simple);
      return;
    }
    let unit = 0;
    for (let k = 1; k <= 4; k++) {
      const digit = hexValue(bytes[at + k]!);
      if (digit < 0) throw snapshotParseError('an invalid \\u escape in "strings"', offset);
      unit = unit * 16 + digit;
    }
    this.codeUnit(unit);
  }

  private codeUnit(unit: number): void {
    if (this.pendingHigh !== NO_PENDING) {
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        const codePoint = 0x10000 + ((this.pendingHigh - 0xd800) << 10) + (unit - 0xdc00);
        this.pendingHigh = NO_PENDING;
        this.writeCodePoint(codePoint);
        return;
      }
      this.flush();
    }
    if (unit >= 0xd800 && unit <= 0xdbff) this.pendingHigh = unit;
    else if (unit >= 0xdc00 && unit <= 0xdfff) this.writeCodePoint(0xfffd);
    else this.writeCodePoint(unit);
  }

  private writeCodePoint(codePoint: number): void {
    const store = this.store;
    if (codePoint < 0x80) store.appendByte(codePoint);
    else if (codePoint < 0x800) {
      store.appendByte(0xc0 | (codePoint >> 6));
      store.appendByte(0x80 | (codePoint & 0x3f));
    } else if (codePoint < 0x10000) {
      store.appendByte(0xe0 | (codePoint >> 12));
      store.appendByte(0x80 | ((codePoint >> 6) & 0x3f));
      store.appendByte(0x80 | (codePoint & 0x3f));
    } else {
      store.appendByte(0xf0 | (codePoint >> 18));
      store.appendByte(0x80 | ((codePoint >> 12) & 0x3f));
      store.appendByte(0x80 | ((codePoint >> 6) & 0x3f));
      store.appendByte(0x80 | (codePoint & 0x3f));
    }
  }
}

// Where the scanner is between chunks.
const EXPECT_FIRST = 0; // just after '[': a string or ']'
const EXPECT_STRING = 1; // just after ',': a string
const IN_STRING = 2;
const IN_ESCAPE = 3; // an escape split by a chunk boundary; its bytes so far are in `escape`
const AFTER_STRING = 4; // ',' or ']' must follow

class StringScan {
  state = EXPECT_FIRST;
  readonly escape = new Uint8Array(6);
  escapeLength = 0;
  count = 0;
  closed = false;
  problem = '';
  problemAt = 0;

  constructor(
    readonly store: StringStore,
    readonly decoder: EscapeDecoder,
  ) {}
}

function escapeLength(letterByte: number): number {
  return letterByte === LETTER_U ? 6 : 2;
}

/**
 * Scans as many strings as the chunk holds, synchronously (one await per chunk, not per
 * string). Returns where it stopped; sets `closed` after ']' or `problem` on bad input.
 */
function scanStringChunk(buf: Uint8Array, from: number, end: number, scan: StringScan, offset: number): number {
  const { store, decoder } = scan;
  let state = scan.state;
  let i = from;
  while (i < end) {
    if (state === IN_ESCAPE) {
      const escape = scan.escape;
      while (i < end && (scan.escapeLength < 2 || scan.escapeLength < escapeLength(escape[1]!))) escape[scan.escapeLength++] = buf[i++]!;
      if (scan.escapeLength < 2 || scan.escapeLength < escapeLength(escape[1]!)) break;
      decoder.decode(escape, 1, offset + i);
      scan.escapeLength = 0;
      state = IN_STRING;
      continue;
    }
    if (state === IN_STRING) {
      const runStart = i;
      for (; i < end; i++) {
        const byte = buf[i]!;
        if (byte === QUOTE || byte === BACKSLASH) break;
        if (byte < 0x20) {
          scan.problem = `an unescaped control character (${describeByte(byte)}) inside a string`;
          scan.problemAt = offset + i;
          scan.state = state;
          return i;
        }
      }
      if (i > runStart) {
        decoder.flush();
        store.appendBytes(buf, runStart, i);
      }
      if (i === end) break;
      if (buf[i] === QUOTE) {
        decoder.flush();
        store.endString();
        scan.count++;
        state = AFTER_STRING;
        i++;
        continue;
      }
      // A backslash: decode here when the whole escape is in this chunk.
      if (i + 1 < end && i + escapeLength(buf[i + 1]!) <= end) {
        decoder.decode(buf, i + 1, offset + i);
        i += escapeLength(buf[i + 1]!);
        continue;
      }
      scan.escapeLength = 0;
      while (i < end) scan.escape[scan.escapeLength++] = buf[i++]!;
      state = IN_ESCAPE;
      break;
    }
    const byte = buf[i]!;
    if (isWhitespace(byte)) {
      i++;
      continue;
    }
    if (byte === QUOTE && state !== AFTER_STRING) {
      state = IN_STRING;
      i++;
      continue;
    }
    if (byte === COMMA && state === AFTER_STRING) {
      state = EXPECT_STRING;
      i++;
      continue;
    }
    if (byte === CLOSE_BRACKET && (state === AFTER_STRING || state === EXPECT_FIRST)) {
      scan.closed = true;
      i++;
      break;
    }
    scan.problem = `unexpected ${describeByte(byte)} in "strings", which should hold only strings`;
    scan.problemAt = offset + i;
    break;
  }
  scan.state = state;
  return i;
}

/** Scans the `strings` array into `store`; returns how many strings it held. */
export async function scanStringArray(cursor: ChunkCursor, store: StringStore): Promise<number> {
  await expectToken(cursor, OPEN_BRACKET, 'strings');
  const scan = new StringScan(store, new EscapeDecoder(store));
  for (;;) {
    if (!(await cursor.fill())) throw truncatedError('strings', cursor.offset);
    cursor.pos = scanStringChunk(cursor.buf, cursor.pos, cursor.end, scan, cursor.offsetOf(0));
    if (scan.problem) throw snapshotParseError(scan.problem, scan.problemAt);
    if (scan.closed) return scan.count;
  }
}
