import type { HeapGraph } from './heapGraph';
import type { KnownStrings } from './knownStrings';
import type { ScratchBuffers } from './scratchBuffers';
import { hasUserRoots } from './roots';
import { UintStack } from './uintStack';

const UNVISITED = 0xffffffff;
const SHARED = 0xfffffffe;

/**
 * Moves the shallow size of internal arrays and hidden objects that only one object reaches
 * into that object, as DevTools shows it: a `{a, b}` object then includes its property and
 * element backing stores. Skipped, like DevTools, for "expose internals" snapshots (no user
 * roots), which should show raw allocations. Rewrites `selfSizes` in place.
 */
export function foldOwnedSizes(graph: HeapGraph, known: KnownStrings, scratch: ScratchBuffers): void {
  if (!hasUserRoots(graph, known)) return;
  const { nodeCount, nodeTypes, nodeNames, selfSizes, firstEdges, edgeTypes, edgeTargets, types, rootOrdinal } = graph;
  const owners = scratch.take();
  // Most nodes go on the work list at once: a node-sized buffer saves growing one step by step.
  const workBuffer = scratch.take();
  const work = new UintStack(workBuffer);
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const type = nodeTypes[ordinal];
    const owned =
      type === types.hidden ||
      type === types.array ||
      (type === types.native && known.is('system / ExternalStringData', nodeNames[ordinal]!));
    if (owned) {
      owners[ordinal] = UNVISITED;
    } else {
      owners[ordinal] = ordinal;
      work.push(ordinal);
    }
  }
  // A node ends up owned by X when every non-weak path into it from an owning node starts at
  // X; the order of this work list does not change that result.
  while (work.length) {
    const ordinal = work.pop();
    const owner = owners[ordinal]!;
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      if (edgeTypes[edge] === types.edgeWeak) continue;
      const target = edgeTargets[edge]!;
      const current = owners[target]!;
      if (current === UNVISITED) {
        owners[target] = owner;
        work.push(target);
      } else if (current !== target && current !== owner && current !== SHARED) {
        owners[target] = SHARED;
        work.push(target);
      }
    }
  }
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const owner = owners[ordinal]!;
    if (owner === UNVISITED || owner === SHARED || owner === ordinal) continue;
    if (nodeTypes[owner] === types.synthetic || owner === rootOrdinal) continue;
    selfSizes[owner]! += selfSizes[ordinal]!;
    selfSizes[ordinal] = 0;
  }
  scratch.give(owners, workBuffer);
}
