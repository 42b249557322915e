import type { HeapStatistics } from '../../../shared/model/heapSnapshots';
import type { HeapGraph } from './heapGraph';
import type { KnownStrings } from './knownStrings';
import type { Retainers } from './retainers';

/** Memory by kind, as DevTools' Statistics view computes it (bytes). */
export function computeStatistics(graph: HeapGraph, known: KnownStrings, retainers: Retainers, totalBytes: number): HeapStatistics {
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
        if (retainers.firstRetainer[elements + 1]! - retainers.firstRetainer[elements]! === 1) jsArrays += selfSizes[elements]!;
        break;
      }
    }
  }
  const v8Bytes = totalBytes - native;
  return {
    totalBytes,
    codeBytes: code,
    stringsBytes: strings,
    jsArraysBytes: jsArrays,
    typedArraysBytes: typedArrays,
    systemBytes: system,
    nativeBytes: native,
    otherBytes: v8Bytes - code - strings - jsArrays - system,
  };
}
