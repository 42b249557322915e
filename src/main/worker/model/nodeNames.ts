import { DOM_DETACHED } from '../graph/domState';
import { edgeHasStringName, type HeapGraph } from '../graph/heapGraph';
import type { KnownStrings } from '../graph/knownStrings';
import { formatPropertyName } from '../graph/propertyNames';

const MAX_CONS_STRING_NAME = 1024;
const MAX_PLAIN_OBJECT_NAME = 100;

/** The name DevTools shows for one object: joined cons strings, `{a, …, z}` shapes, "Detached <div>". */
export function displayName(graph: HeapGraph, known: KnownStrings, ordinal: number): string {
  const type = graph.nodeTypes[ordinal];
  const { types, strings } = graph;
  if (type === types.consString) return consStringName(graph, known, ordinal);
  const raw = strings.get(graph.nodeNames[ordinal]!);
  if (type === types.object && known.is('Object', graph.nodeNames[ordinal]!)) return plainObjectName(graph, known, ordinal);
  if (type === types.native && graph.detachedness?.[ordinal] === DOM_DETACHED) return `Detached ${raw}`;
  return raw;
}

/** An edge's name as DevTools shows it: element indexes as numbers, shortcut names unquoted. */
export function edgeName(graph: HeapGraph, edge: number): string {
  const name = graph.edgeNames[edge]!;
  if (!edgeHasStringName(graph, edge)) return String(name);
  const text = graph.strings.get(name);
  if (graph.edgeTypes[edge] !== graph.types.edgeShortcut) return text;
  const numeric = parseInt(text, 10);
  return Number.isNaN(numeric) ? text : String(numeric);
}

function consStringName(graph: HeapGraph, known: KnownStrings, ordinal: number): string {
  const { nodeTypes, nodeNames, firstEdges, edgeTypes, edgeNames, edgeTargets, types, strings } = graph;
  const stack = [ordinal];
  let name = '';
  while (stack.length && name.length < MAX_CONS_STRING_NAME) {
    const current = stack.pop()!;
    if (nodeTypes[current] !== types.consString) {
      name += strings.get(nodeNames[current]!);
      continue;
    }
    let first = -1;
    let second = -1;
    for (let edge = firstEdges[current]!, end = firstEdges[current + 1]!; edge < end && (first < 0 || second < 0); edge++) {
      if (edgeTypes[edge] !== types.edgeInternal) continue;
      if (known.is('first', edgeNames[edge]!)) first = edgeTargets[edge]!;
      else if (known.is('second', edgeNames[edge]!)) second = edgeTargets[edge]!;
    }
    if (second >= 0) stack.push(second);
    if (first >= 0) stack.push(first);
  }
  return name;
}

/** `{a, b, …, y, z}`: properties taken alternately from both ends until ~100 characters. */
function plainObjectName(graph: HeapGraph, known: KnownStrings, ordinal: number): string {
  const { firstEdges, edgeTypes, edgeNames, types, strings } = graph;
  let start = '{';
  let end = '}';
  let fromStart = firstEdges[ordinal]!;
  let fromEnd = firstEdges[ordinal + 1]! - 1;
  let takeFromEnd = false;
  while (fromStart <= fromEnd) {
    const edge = takeFromEnd ? fromEnd : fromStart;
    if (edgeTypes[edge] !== types.edgeProperty || known.is('__proto__', edgeNames[edge]!)) {
      if (takeFromEnd) fromEnd--;
      else fromStart++;
      continue;
    }
    const formatted = formatPropertyName(strings.get(edgeNames[edge]!));
    if (start.length > 1 && start.length + end.length + formatted.length > MAX_PLAIN_OBJECT_NAME) break;
    if (takeFromEnd) {
      fromEnd--;
      end = (end.length > 1 ? `${formatted}, ` : formatted) + end;
    } else {
      fromStart++;
      start += (start.length > 1 ? ', ' : '') + formatted;
    }
    takeFromEnd = !takeFromEnd;
  }
  if (fromStart <= fromEnd) start += ', …';
  if (end.length > 1) start += ', ';
  return start + end;
}
