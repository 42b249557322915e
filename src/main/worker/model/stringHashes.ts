import type { HeapGraph } from '../graph/heapGraph';
import type { KnownStrings } from '../graph/knownStrings';
import { forEachConsPart } from './nodeNames';

// Two polynomial hashes of a value's UTF-8 bytes, mod 2^32 with different odd bases: the hash
// of a concatenation follows from its parts' (H(ab) = H(a) * B^|b| + H(b)), so a concatenated
// string's value is hashed from its parts without ever being built.
const BASE_A = 0x01000193;
const BASE_B = 0x5bd1e995;
// A concatenated string's value, like its DevTools name, ends after the part that reaches this.
const MAX_VALUE_CHARS = 1024;

/** A value's key: two independent 32-bit hashes. */
export interface StringKey {
  hashA: number;
  hashB: number;
}

/**
 * Content keys of string values, equal for equal values: a plain string's from its bytes, a
 * concatenated string's from its parts' (its first 1024 characters or so, as DevTools names it).
 * Each distinct part of the string table is hashed once. Different values can share a key
 * (rarely): callers compare the values of strings whose keys match.
 */
export class StringHashes {
  private readonly done: Uint8Array;
  private readonly hashA: Uint32Array;
  private readonly hashB: Uint32Array;
  private readonly powerA: Uint32Array;
  private readonly powerB: Uint32Array;
  private readonly chars: Uint32Array;

  constructor(
    private readonly graph: HeapGraph,
    private readonly known: KnownStrings,
  ) {
    const count = graph.strings.count;
    this.done = new Uint8Array(count);
    this.hashA = new Uint32Array(count);
    this.hashB = new Uint32Array(count);
    this.powerA = new Uint32Array(count);
    this.powerB = new Uint32Array(count);
    this.chars = new Uint32Array(count);
  }

  /** The key of a plain string's value (by its string table index). */
  ofName(name: number): StringKey {
    this.hashName(name);
    return { hashA: this.hashA[name]!, hashB: this.hashB[name]! };
  }

  /**
   * The key of a concatenated string's value, its parts taken depth-first as DevTools joins
   * them, and the value's UTF-8 length in bytes.
   */
  ofConcatenation(ordinal: number): StringKey & { byteLength: number } {
    const { nodeNames, strings } = this.graph;
    let hashA = 0;
    let hashB = 0;
    let chars = 0;
    let byteLength = 0;
    forEachConsPart(this.graph, this.known, ordinal, (part) => {
      const name = nodeNames[part]!;
      this.hashName(name);
      hashA = (Math.imul(hashA, this.powerA[name]!) + this.hashA[name]!) >>> 0;
      hashB = (Math.imul(hashB, this.powerB[name]!) + this.hashB[name]!) >>> 0;
      chars += this.chars[name]!;
      byteLength += strings.byteLength(name);
      return chars < MAX_VALUE_CHARS;
    });
    return { hashA, hashB, byteLength };
  }

  private hashName(name: number): void {
    if (this.done[name]) return;
    const bytes = this.graph.strings.bytes(name);
    let hashA = 0;
    let hashB = 0;
    let powerA = 1;
    let powerB = 1;
    let chars = 0;
    for (let k = 0; k < bytes.length; k++) {
      const byte = bytes[k]!;
      hashA = (Math.imul(hashA, BASE_A) + byte) >>> 0;
      hashB = (Math.imul(hashB, BASE_B) + byte) >>> 0;
      powerA = Math.imul(powerA, BASE_A);
      powerB = Math.imul(powerB, BASE_B);
      // UTF-16 length, as JS counts it: one per lead byte, two for a 4-byte sequence.
      if ((byte & 0xc0) !== 0x80) chars += byte >= 0xf0 ? 2 : 1;
    }
    this.hashA[name] = hashA;
    this.hashB[name] = hashB;
    this.powerA[name] = powerA >>> 0;
    this.powerB[name] = powerB >>> 0;
    this.chars[name] = chars;
    this.done[name] = 1;
  }
}
