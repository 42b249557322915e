import type { ChunkCursor } from './chunkCursor';
import { describeByte, snapshotParseError, truncatedError } from './parseError';

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;

export function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Skips JSON whitespace; returns the next byte without consuming it, or -1 at the end. */
export async function peekToken(cursor: ChunkCursor): Promise<number> {
  for (;;) {
    if (!(await cursor.fill())) return -1;
    const { buf, end } = cursor;
    let i = cursor.pos;
    while (i < end && isWhitespace(buf[i]!)) i++;
    cursor.pos = i;
    if (i < end) return buf[i]!;
  }
}

/** Consumes `expected` after optional whitespace, or fails naming what came instead. */
export async function expectToken(cursor: ChunkCursor, expected: number, section: string): Promise<void> {
  const byte = await peekToken(cursor);
  if (byte === -1) throw truncatedError(section, cursor.offset);
  if (byte !== expected) {
    throw snapshotParseError(`expected ${describeByte(expected)} in "${section}" but found ${describeByte(byte)}`, cursor.offset);
  }
  cursor.pos++;
}

const MAX_KEY_BYTES = 1024;

/** Reads an object key. Keys of a snapshot are short ASCII names, so escapes are kept verbatim. */
export async function readKey(cursor: ChunkCursor, section: string): Promise<string> {
  await expectToken(cursor, QUOTE, section);
  const bytes: number[] = [];
  let escaped = false;
  for (;;) {
    if (!(await cursor.fill())) throw truncatedError(section, cursor.offset);
    const byte = cursor.buf[cursor.pos++]!;
    if (!escaped && byte === QUOTE) return String.fromCharCode(...bytes);
    escaped = !escaped && byte === BACKSLASH;
    bytes.push(byte);
    if (bytes.length > MAX_KEY_BYTES) throw snapshotParseError(`a key in "${section}" is implausibly long`, cursor.offset);
  }
}

/**
 * Skips one JSON value (any nesting), optionally handing every byte of it to `collect`.
 * Only the bracket structure and strings are checked: skipped sections are not interpreted.
 */
export async function skipValue(
  cursor: ChunkCursor,
  section: string,
  collect?: (bytes: Uint8Array) => void,
): Promise<void> {
  const first = await peekToken(cursor);
  if (first === -1) throw truncatedError(section, cursor.offset);
  const nested = first === OPEN_BRACKET || first === OPEN_BRACE;
  const scalar = !nested && first !== QUOTE;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  for (;;) {
    if (!(await cursor.fill())) {
      if (scalar && started) return;
      throw truncatedError(section, cursor.offset);
    }
    const { buf, end } = cursor;
    const from = cursor.pos;
    let i = from;
    let done = false;
    for (; i < end; i++) {
      const byte = buf[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) {
          inString = false;
          if (depth === 0) {
            i++;
            done = true;
            break;
          }
        }
        continue;
      }
      if (scalar) {
        if (byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isWhitespace(byte)) {
          done = true;
          break;
        }
        started = true;
        continue;
      }
      if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) depth++;
      else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
        depth--;
        if (depth === 0) {
          i++;
          done = true;
          break;
        }
      }
    }
    collect?.(buf.subarray(from, i));
    cursor.pos = i;
    if (done) return;
  }
}

/** Reads one small JSON value (the `snapshot` header) and parses it; fails beyond `maxBytes`. */
export async function readSmallJson(cursor: ChunkCursor, section: string, maxBytes: number): Promise<unknown> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const start = cursor.offset;
  await skipValue(cursor, section, (bytes) => {
    total += bytes.length;
    if (total > maxBytes) throw snapshotParseError(`"${section}" is larger than ${maxBytes} bytes`, start);
    parts.push(bytes.slice());
  });
  const text = new TextDecoder().decode(Buffer.concat(parts));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw snapshotParseError(`"${section}" is not valid JSON (${(error as Error).message})`, start);
  }
}
