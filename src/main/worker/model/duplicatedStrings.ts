import { BitVector } from '../graph/bitVector';
import type { HeapGraph } from '../graph/heapGraph';
import type { KnownStrings } from '../graph/knownStrings';
import { displayName } from './nodeNames';
import { FirstByKey } from './firstByKey';
import { StringHashes } from './stringHashes';

const NOT_SEEN = -1;

/**
 * Strings whose value occurs more than once, as DevTools' "Duplicated strings" filter finds
 * them: plain and concatenated strings compared by the value DevTools shows (a concatenated
 * string's joined parts, up to its 1024-character name limit), every copy selected. A
 * concatenated string one of whose halves is empty is V8's flattened form of its other half,
 * not a copy, so it is left out.
 *
 * Plain strings are grouped by their string table entry (V8 stores each value once);
 * concatenated ones by a hash of their value computed from their parts, and a match is
 * confirmed by comparing the values, so no concatenation is ever joined unless it has a twin.
 */
export function duplicatedStrings(graph: HeapGraph, known: KnownStrings): BitVector {
  const { nodeCount, nodeTypes, nodeNames, types, strings } = graph;
  const selection = new BitVector(nodeCount);
  const hashes = new StringHashes(graph, known);
  const firstByName = new Int32Array(strings.count).fill(NOT_SEEN);
  let consCount = 0;
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) if (nodeTypes[ordinal] === types.consString) consCount++;
  const firstByKey = new FirstByKey(consCount);
  const consByteLengths = new Set<number>();
  const sameValue = (a: number, b: number) => displayName(graph, known, a) === displayName(graph, known, b);
  const markCopies = (first: number, ordinal: number) => {
    selection.set(first);
    selection.set(ordinal);
  };
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const type = nodeTypes[ordinal];
    if (type === types.string) {
      const name = nodeNames[ordinal]!;
      const first = firstByName[name]!;
      if (first === NOT_SEEN) firstByName[name] = ordinal;
      else markCopies(first, ordinal);
    } else if (type === types.consString && !isFlattened(graph, known, ordinal)) {
      const key = hashes.ofConcatenation(ordinal);
      consByteLengths.add(key.byteLength);
      const first = firstByKey.firstOrAdd(key, ordinal);
      if (first !== undefined && sameValue(first, ordinal)) markCopies(first, ordinal);
    }
  }
  // A concatenated string and a plain string with the same value are copies too.
  for (let name = 0; name < strings.count && firstByKey.size; name++) {
    const plain = firstByName[name]!;
    if (plain === NOT_SEEN || !consByteLengths.has(strings.byteLength(name))) continue;
    const cons = firstByKey.get(hashes.ofName(name));
    if (cons !== undefined && sameValue(cons, plain)) markCopies(cons, plain);
  }
  return selection;
}

/**
 * V8 flattens a concatenated string in place: one half becomes the whole value, the other the
 * empty string. (DevTools tests for a half whose name is empty; a half that is itself a
 * concatenation is never empty, so only plain halves are looked at.)
 */
function isFlattened(graph: HeapGraph, known: KnownStrings, ordinal: number): boolean {
  const { firstEdges, edgeTypes, edgeNames, edgeTargets, nodeTypes, nodeNames, types, strings } = graph;
  for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
    if (edgeTypes[edge] !== types.edgeInternal) continue;
    const name = edgeNames[edge]!;
    if (!known.is('first', name) && !known.is('second', name)) continue;
    const half = edgeTargets[edge]!;
    if (nodeTypes[half] !== types.consString && strings.byteLength(nodeNames[half]!) === 0) return true;
  }
  return false;
}
