import type { HeapStatistics } from '../../../shared/model/heapSnapshots';
import type { HeapGraph } from './heapGraph';
import type { KnownStrings } from './knownStrings';

/** Bytes by kind, without the heap's total (known only once the dominators are). */
export type KindSums = Omit<HeapStatistics, 'totalBytes' | 'otherBytes'>;

/**
 * Memory by kind, as DevTools' Statistics view sums it. `firstRetainer`: the retainer index's
 * offsets (a node's retainer count is the difference of two neighbours).
 */
export function sumByKind(graph: HeapGraph, known: KnownStrings, firstRetainer: Uint32Array): KindSums {
  const { nodeCount, nodeTypes, nodeNames, selfSizes, firstEdges, edgeTypes, edgeNames, edgeTargets, types } = graph;
  let native = graph.extraNativeBytes;
  let typedArrays = 0;
  let code = 0;
  let strings = 0;
  let jsArrays = 0;
  let system = 0;
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const size = selfSizes[ordinal]!;
    const type = nodeTypes[ordinal];
    if (type === types.hidden) system += size;
    else if (type === types.native) {
      native += size;
      if (known.is('system / JSArrayBufferData', nodeNames[ordinal]!)) typedArrays += size;
    } else if (type === types.code) code += size;
    else if (type === types.string || type === types.consString || type === types.slicedString) strings += size;
    else if (known.is('Array', nodeNames[ordinal]!)) {
      // A JS array counts with its elements store when it is the store's only retainer.
      jsArrays += size;
      for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
        if (edgeTypes[edge] !== types.edgeInternal || !known.is('elements', edgeNames[edge]!)) continue;
        const elements = edgeTargets[edge]!;
        if (firstRetainer[elements + 1]! - firstRetainer[elements]! === 1) jsArrays += selfSizes[elements]!;
        break;
      }
    }
  }
  return { codeBytes: code, stringsBytes: strings, jsArraysBytes: jsArrays, typedArraysBytes: typedArrays, systemBytes: system, nativeBytes: native };
}

/** The Statistics view: the sums by kind, and the rest of the V8 heap as "other". */
export function statisticsOf(sums: KindSums, totalBytes: number): HeapStatistics {
  const v8Bytes = totalBytes - sums.nativeBytes;
  return { totalBytes, ...sums, otherBytes: v8Bytes - sums.codeBytes - sums.stringsBytes - sums.jsArraysBytes - sums.systemBytes };
}
