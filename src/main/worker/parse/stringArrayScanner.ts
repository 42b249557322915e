import type { ChunkCursor } from './chunkCursor';
import { BACKSLASH, CLOSE_BRACKET, COMMA, OPEN_BRACKET, QUOTE, expectToken, peekToken } from './jsonTokens';
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

/** Reads an escape that straddles two chunks, one byte at a time (rare, so speed is moot). */
async function readSplitEscape(cursor: ChunkCursor): Promise<Uint8Array> {
  const bytes = new Uint8Array(6);
  let length = 0;
  let wanted = 2;
  while (length < wanted) {
    if (!(await cursor.fill())) throw truncatedError('strings', cursor.offset);
    bytes[length++] = cursor.buf[cursor.pos++]!;
    if (length === 2 && bytes[1] === LETTER_U) wanted = 6;
  }
  return bytes;
}

/** Reads the body of one string (after its opening quote) up to and including the closing quote. */
async function scanStringBody(cursor: ChunkCursor, store: StringStore, decoder: EscapeDecoder): Promise<void> {
  for (;;) {
    if (!(await cursor.fill())) throw truncatedError('strings', cursor.offset);
    const { buf, end } = cursor;
    let i = cursor.pos;
    let runStart = i;
    let split = false;
    for (; i < end; i++) {
      const byte = buf[i]!;
      if (byte === QUOTE) {
        if (i > runStart) {
          decoder.flush();
          store.appendBytes(buf, runStart, i);
        }
        decoder.flush();
        cursor.pos = i + 1;
        return;
      }
      if (byte === BACKSLASH) {
        if (i > runStart) {
          decoder.flush();
          store.appendBytes(buf, runStart, i);
        }
        const fits = i + 1 < end && (buf[i + 1] !== LETTER_U || i + 5 < end);
        if (!fits) {
          cursor.pos = i;
          split = true;
          break;
        }
        decoder.decode(buf, i + 1, cursor.offset);
        i += buf[i + 1] === LETTER_U ? 5 : 1;
        runStart = i + 1;
        continue;
      }
      if (byte < 0x20) {
        cursor.pos = i;
        throw snapshotParseError(`an unescaped control character (${describeByte(byte)}) inside a string`, cursor.offset);
      }
    }
    if (split) {
      const escape = await readSplitEscape(cursor);
      decoder.decode(escape, 1, cursor.offset);
      continue;
    }
    if (i > runStart) {
      decoder.flush();
      store.appendBytes(buf, runStart, i);
    }
    cursor.pos = i;
  }
}

/** Scans the `strings` array into `store`; returns how many strings it held. */
export async function scanStringArray(cursor: ChunkCursor, store: StringStore): Promise<number> {
  await expectToken(cursor, OPEN_BRACKET, 'strings');
  const decoder = new EscapeDecoder(store);
  let count = 0;
  if ((await peekToken(cursor)) === CLOSE_BRACKET) {
    cursor.pos++;
    return 0;
  }
  for (;;) {
    await expectToken(cursor, QUOTE, 'strings');
    await scanStringBody(cursor, store, decoder);
    store.endString();
    count++;
    const next = await peekToken(cursor);
    if (next === -1) throw truncatedError('strings', cursor.offset);
    cursor.pos++;
    if (next === CLOSE_BRACKET) return count;
    if (next !== COMMA) {
      throw snapshotParseError(`expected ',' or ']' between strings but found ${describeByte(next)}`, cursor.offset - 1);
    }
  }
}
