import { BitVector } from '../graph/bitVector';
import type { DominatorTree } from '../graph/dominatorTree';
import type { HeapGraph } from '../graph/heapGraph';
import type { KnownStrings } from '../graph/knownStrings';
import { UintStack } from '../graph/uintStack';

const LISTENER_WRAPPER_SUFFIX = 'EventListener';

/**
 * Objects kept alive by event listeners: each listener, and everything it dominates, that is
 * everything removing the listener would free. Listeners are, per runtime:
 * - Node: what an `EventEmitter` keeps in its `_events` object: the functions it holds directly
 *   (one listener for an event, or a `once` wrapper) and the functions in the arrays it holds
 *   (several listeners for one event). Found as the values of any object reached through a
 *   property named `_events`. (`EventTarget` listeners in Node are not covered.)
 * - Chrome: Blink's listener wrappers, the native nodes named `…EventListener`
 *   (`blink::RegisteredEventListener` → `EventListener` → `V8EventListener` → the JS function).
 */
export function eventHandlerObjects(graph: HeapGraph, known: KnownStrings, tree: DominatorTree): BitVector {
  const selection = new BitVector(graph.nodeCount);
  const stack = new UintStack();
  const { firstChild, children } = tree;
  forEachListener(graph, known, (listener) => {
    if (selection.get(listener)) return;
    stack.push(listener);
    while (stack.length) {
      const ordinal = stack.pop();
      selection.set(ordinal);
      for (let k = firstChild[ordinal]!, end = firstChild[ordinal + 1]!; k < end; k++) stack.push(children[k]!);
    }
  });
  return selection;
}

function forEachListener(graph: HeapGraph, known: KnownStrings, visit: (ordinal: number) => void): void {
  const { nodeCount, nodeTypes, nodeNames, firstEdges, edgeTypes, edgeNames, edgeTargets, types, strings } = graph;
  const closure = graph.nodeTypeNames.indexOf('closure');
  const wrapperNames = new Map<number, boolean>();
  const isWrapperName = (name: number): boolean => {
    let is = wrapperNames.get(name);
    if (is === undefined) {
      is = strings.get(name).endsWith(LISTENER_WRAPPER_SUFFIX);
      wrapperNames.set(name, is);
    }
    return is;
  };
  // The functions an `_events` value holds: itself, or an array's elements.
  const visitListeners = (value: number): void => {
    if (nodeTypes[value] === closure) {
      visit(value);
      return;
    }
    if (nodeTypes[value] !== types.object || !known.is('Array', nodeNames[value]!)) return;
    for (let edge = firstEdges[value]!, end = firstEdges[value + 1]!; edge < end; edge++) {
      if (edgeTypes[edge] === types.edgeElement && nodeTypes[edgeTargets[edge]!] === closure) visit(edgeTargets[edge]!);
    }
  };

  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const type = nodeTypes[ordinal];
    if (type === types.native && isWrapperName(nodeNames[ordinal]!)) {
      visit(ordinal);
      continue;
    }
    if (type !== types.object) continue;
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      if (edgeTypes[edge] !== types.edgeProperty || !known.is('_events', edgeNames[edge]!)) continue;
      const events = edgeTargets[edge]!;
      for (let valueEdge = firstEdges[events]!, valuesEnd = firstEdges[events + 1]!; valueEdge < valuesEnd; valueEdge++) {
        if (edgeTypes[valueEdge] === types.edgeProperty && !known.is('__proto__', edgeNames[valueEdge]!)) visitListeners(edgeTargets[valueEdge]!);
      }
    }
  }
}
