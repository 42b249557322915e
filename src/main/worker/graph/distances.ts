import type { BitVector } from './bitVector';
import type { EphemeronNames } from './ephemeronNames';
import type { HeapGraph } from './heapGraph';
import type { KnownStrings } from './knownStrings';
import { isUserRoot } from './roots';
import type { ScratchBuffers } from './scratchBuffers';
import { UintQueue } from './uintQueue';

/** Distance of a node no path reaches (DevTools' value). */
export const UNREACHABLE_DISTANCE = -5;
/** Distances of nodes reached only from system roots start here when user roots exist. */
export const SYSTEM_DISTANCE_BASE = 100_000_000;

/** DevTools' parseInt(name, 10) of an edge name: element indexes, or a numeric string name. */
function numericEdgeName(graph: HeapGraph, edge: number, cache: Map<number, number>): number {
  const name = graph.edgeNames[edge]!;
  const type = graph.edgeTypes[edge];
  if (type === graph.types.edgeElement || type === graph.types.edgeHidden) return name;
  let value = cache.get(name);
  if (value === undefined) {
    value = parseInt(graph.strings.get(name), 10);
    cache.set(name, value);
  }
  return value;
}

/**
 * Shortest distances from the roots by BFS, as DevTools computes them: first from the user
 * roots (globals, DOM trees) at distance 1, then from the root for what is left (offset by
 * SYSTEM_DISTANCE_BASE when user roots exist). Weak edges are not followed, nor the links
 * DevTools knows to be misleading: a NativeContext's `sloppy_function_map`, the key/type slots
 * of descriptor arrays, and the first of the two edges to a WeakMap value (so the value's
 * distance goes by the later of its table and its key).
 *
 * `skip`: nodes treated as absent (DevTools' "ignore this retainer"): never entered, so they
 * and whatever only they lead to stay unreachable.
 */
export function computeDistances(
  graph: HeapGraph,
  known: KnownStrings,
  ephemerons: EphemeronNames,
  scratch: ScratchBuffers,
  skip?: BitVector,
): Int32Array {
  const { nodeCount, nodeTypes, nodeNames, firstEdges, edgeTypes, edgeNames, edgeTargets, types, rootOrdinal } = graph;
  // Kept as the result, so one of the pooled work buffers is reused instead of a new array. The
  // queue holds only the frontier: a node-sized one would be one more array at the peak when a
  // helper thread measures distances during the dominator pass.
  const distances = new Int32Array(scratch.take().buffer, 0, nodeCount).fill(UNREACHABLE_DISTANCE);
  const queue = new UintQueue();
  // The first of a WeakMap value's two edges is held back until the second is seen. A value is
  // almost always in one pair, so pending edges are kept by value node (numbers, no strings for
  // the hundreds of thousands of entries of a big WeakMap); another pair's edge to a value that
  // already waits is kept by its pair key.
  const pendingByValue = new Map<number, number>();
  const pendingOtherPairs = new Set<string>();
  const numericNames = new Map<number, number>();
  const followsEphemeron = (nameIndex: number, value: number): boolean => {
    if (!ephemerons.isEphemeron(nameIndex)) return true;
    const waiting = pendingByValue.get(value);
    if (waiting === undefined) {
      pendingByValue.set(value, nameIndex);
      return false;
    }
    if (ephemerons.samePair(waiting, nameIndex)) return pendingByValue.delete(value);
    const pairKey = ephemerons.pairKeyOf(nameIndex)!;
    if (pendingOtherPairs.delete(pairKey)) return true;
    pendingOtherPairs.add(pairKey);
    return false;
  };
  const bfs = (): void => {
    while (queue.length > 0) {
      const ordinal = queue.shift();
      const distance = distances[ordinal]! + 1;
      // The two kinds of source nodes with edges DevTools does not follow, decided once per node.
      const sourceType = nodeTypes[ordinal];
      const nativeContext = sourceType === types.hidden && known.is('system / NativeContext', nodeNames[ordinal]!);
      const descriptors = sourceType === types.array && known.is('(map descriptors)', nodeNames[ordinal]!);
      for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
        const type = edgeTypes[edge];
        if (type === types.edgeWeak) continue;
        const target = edgeTargets[edge]!;
        if (distances[target] !== UNREACHABLE_DISTANCE || skip?.get(target)) continue;
        if (nativeContext && type !== types.edgeElement && type !== types.edgeHidden && known.is('sloppy_function_map', edgeNames[edge]!)) {
          continue;
        }
        if (descriptors) {
          // Descriptor arrays hold [count, enum cache, then key/type/value triples]; maps
          // share them, so only the value slots are real paths (crbug.com/413608).
          const index = numericEdgeName(graph, edge, numericNames);
          if (!(index < 2 || index % 3 !== 1)) continue;
        } else if (type === types.edgeInternal && !followsEphemeron(edgeNames[edge]!, target)) {
          continue;
        }
        distances[target] = distance;
        queue.push(target);
      }
    }
  };

  let userRoots = 0;
  for (let edge = firstEdges[rootOrdinal]!, end = firstEdges[rootOrdinal + 1]!; edge < end; edge++) {
    const target = edgeTargets[edge]!;
    if (!isUserRoot(graph, known, target) || distances[target] === 1 || skip?.get(target)) continue;
    distances[target] = 1;
    queue.push(target);
    userRoots++;
  }
  bfs();
  distances[rootOrdinal] = userRoots > 0 ? SYSTEM_DISTANCE_BASE : 0;
  queue.push(rootOrdinal);
  bfs();
  return distances;
}
