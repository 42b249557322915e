import { sharedArray } from './sharedArrays';

const SEGMENT_BYTES = 16 * 1024 * 1024;
// A string's location is packed as segment * 2^32 + offset in one double (exact below 2^53).
const SEGMENT_STRIDE = 2 ** 32;

const utf8Decoder = new TextDecoder('utf-8');

// In shared memory, so a helper thread can name classes from the same bytes (see sharedArrays.ts).
const bytesOf = (length: number) => sharedArray(Uint8Array, length);

/** A finished store's raw arrays, as the snapshot cache saves and restores them. */
export interface StringStoreParts {
  segments: Uint8Array[];
  /** Packed segment and offset of each string (see SEGMENT_STRIDE). */
  locations: Float64Array;
  lengths: Uint32Array;
}

/**
 * The snapshot's `strings` as UTF-8 bytes in 16 MB segments plus an index, so a table larger
 * than V8's maximum string length fits and JS strings exist only for the entries asked for.
 */
export class StringStore {
  private readonly segments: Uint8Array[] = [];
  private current: Uint8Array;
  private used = 0;
  private stringStart = 0;
  private locations: Float64Array;
  private lengths: Uint32Array;
  private size = 0;

  /** An empty store to append to, or a finished one restored from `parts`. */
  constructor(parts?: StringStoreParts) {
    if (parts) {
      this.segments.push(...parts.segments);
      this.current = this.segments[this.segments.length - 1] ?? new Uint8Array(0);
      this.used = this.stringStart = this.current.length;
      this.locations = parts.locations;
      this.lengths = parts.lengths;
      this.size = parts.lengths.length;
      return;
    }
    this.current = bytesOf(SEGMENT_BYTES);
    this.segments.push(this.current);
    this.locations = sharedArray(Float64Array, 1024);
    this.lengths = sharedArray(Uint32Array, 1024);
  }

  get count(): number {
    return this.size;
  }

  appendBytes(source: Uint8Array, from: number, to: number): void {
    const length = to - from;
    if (this.used + length > this.current.length) this.moveStringToNewSegment(length);
    const target = this.current;
    let at = this.used;
    // Most strings are short: a loop beats creating a subarray view per string.
    if (length < 64) {
      for (let k = from; k < to; k++) target[at++] = source[k]!;
    } else {
      target.set(source.subarray(from, to), at);
      at += length;
    }
    this.used = at;
  }

  appendByte(byte: number): void {
    if (this.used === this.current.length) this.moveStringToNewSegment(1);
    this.current[this.used++] = byte;
  }

  /** Closes the string written since the last call and returns its index. */
  endString(): number {
    if (this.size === this.lengths.length) this.growIndex();
    const segment = this.segments.length - 1;
    this.locations[this.size] = segment * SEGMENT_STRIDE + this.stringStart;
    this.lengths[this.size] = this.used - this.stringStart;
    this.stringStart = this.used;
    return this.size++;
  }

  /** Cuts the unused tail off the last segment and off the index once loading is done. */
  trim(): void {
    // Views, not copies: the unused tails were never written, so they take no memory, and a
    // copy would briefly double the table.
    this.current = this.current.subarray(0, this.used);
    this.segments[this.segments.length - 1] = this.current;
    this.locations = this.locations.subarray(0, this.size);
    this.lengths = this.lengths.subarray(0, this.size);
  }

  /** The raw arrays of a trimmed store (views, not copies). */
  parts(): StringStoreParts {
    return { segments: [...this.segments], locations: this.locations.subarray(0, this.size), lengths: this.lengths.subarray(0, this.size) };
  }

  bytes(index: number): Uint8Array {
    const location = this.locations[index]!;
    const segment = Math.floor(location / SEGMENT_STRIDE);
    const offset = location - segment * SEGMENT_STRIDE;
    return this.segments[segment]!.subarray(offset, offset + this.lengths[index]!);
  }

  /** Whether string `index` is exactly `wanted`, compared in place (no view, no decoding). */
  equalsBytes(index: number, wanted: Uint8Array): boolean {
    const length = this.lengths[index]!;
    if (length !== wanted.length) return false;
    const location = this.locations[index]!;
    const segment = Math.floor(location / SEGMENT_STRIDE);
    const offset = location - segment * SEGMENT_STRIDE;
    const bytes = this.segments[segment]!;
    for (let k = 0; k < length; k++) if (bytes[offset + k] !== wanted[k]) return false;
    return true;
  }

  byteLength(index: number): number {
    return this.lengths[index]!;
  }

  get(index: number): string {
    return utf8Decoder.decode(this.bytes(index));
  }

  /** The first byte of a string, or -1 for the empty string: cheap prefix tests without decoding. */
  firstByte(index: number): number {
    if (this.lengths[index] === 0) return -1;
    const location = this.locations[index]!;
    const segment = Math.floor(location / SEGMENT_STRIDE);
    return this.segments[segment]![location - segment * SEGMENT_STRIDE]!;
  }

  private moveStringToNewSegment(incomingBytes: number): void {
    const partial = this.current.subarray(this.stringStart, this.used);
    const needed = partial.length + incomingBytes;
    const next = bytesOf(Math.max(SEGMENT_BYTES, needed * 2));
    next.set(partial);
    this.current = next;
    this.segments.push(next);
    this.used = partial.length;
    this.stringStart = 0;
  }

  private growIndex(): void {
    this.locations = copyOf(this.locations, this.locations.length * 2, (length) => sharedArray(Float64Array, length));
    this.lengths = copyOf(this.lengths, this.lengths.length * 2, (length) => sharedArray(Uint32Array, length));
  }
}

/** A new array of `length` entries from `create`, starting with `array`'s first entries. */
function copyOf<T extends Uint8Array | Uint32Array | Float64Array>(array: T, length: number, create: (length: number) => T): T {
  const copy = create(length);
  copy.set(array.subarray(0, Math.min(length, array.length)));
  return copy;
}
