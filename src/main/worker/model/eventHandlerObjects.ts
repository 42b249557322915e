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
  const { nodeCount, nodeTypes, nodeNames, types, strings } = graph;
  const wrapperNames = new Map<number, boolean>();
  const isWrapperName = (name: number): boolean => {
    let is = wrapperNames.get(name);
    if (is === undefined) {
      is = strings.get(name).endsWith(LISTENER_WRAPPER_SUFFIX);
      wrapperNames.set(name, is);
    }
    return is;
  };
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const type = nodeTypes[ordinal];
    if (type === types.native && isWrapperName(nodeNames[ordinal]!)) {
      visit(ordinal);
      continue;
    }
    const events = eventsObjectOf(graph, known, ordinal);
    if (events !== undefined) forEachEmitterListener(graph, known, events, visit);
  }
}

/** The object an `EventEmitter` keeps its listeners in (reached through `_events`), if `ordinal` has one. */
export function eventsObjectOf(graph: HeapGraph, known: KnownStrings, ordinal: number): number | undefined {
  const { nodeTypes, firstEdges, edgeTypes, edgeNames, edgeTargets, types } = graph;
  if (nodeTypes[ordinal] !== types.object) return undefined;
  for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
    if (edgeTypes[edge] === types.edgeProperty && known.is('_events', edgeNames[edge]!)) return edgeTargets[edge]!;
  }
  return undefined;
}

/**
 * The listener functions in an emitter's `_events` object: each value that is a function (one
 * listener for an event, or a `once` wrapper), and the functions in each value that is an array
 * (several listeners for one event). `eventEdge` is the `_events` property naming the event.
 */
export function forEachEmitterListener(graph: HeapGraph, known: KnownStrings, events: number, visit: (listener: number, eventEdge: number) => void): void {
  const { nodeTypes, nodeNames, firstEdges, edgeTypes, edgeNames, edgeTargets, types } = graph;
  const closure = graph.nodeTypeNames.indexOf('closure');
  for (let eventEdge = firstEdges[events]!, end = firstEdges[events + 1]!; eventEdge < end; eventEdge++) {
    if (edgeTypes[eventEdge] !== types.edgeProperty || known.is('__proto__', edgeNames[eventEdge]!)) continue;
    const value = edgeTargets[eventEdge]!;
    if (nodeTypes[value] === closure) {
      visit(value, eventEdge);
      continue;
    }
    if (nodeTypes[value] !== types.object || !known.is('Array', nodeNames[value]!)) continue;
    for (let edge = firstEdges[value]!, valueEnd = firstEdges[value + 1]!; edge < valueEnd; edge++) {
      if (edgeTypes[edge] === types.edgeElement && nodeTypes[edgeTargets[edge]!] === closure) visit(edgeTargets[edge]!, eventEdge);
    }
  }
}
