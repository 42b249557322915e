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
  return joinConsString(graph, known, ordinal, MAX_CONS_STRING_NAME).text;
}

/** A concatenated string's parts, in order: `text` stops growing once `maxChars` is reached. */
export interface JoinedString {
  text: string;
  /** The whole value's length (only when `countAll`; else the parts walked). */
  length: number;
  /** Whether any part was itself cut (by V8's string limit, see `cutByV8`). */
  partCut: boolean;
}

/**
 * Joins a concatenated string's parts depth-first, as DevTools names it (a part that is itself
 * a sliced string contributes its "(sliced string)" name). With `countAll`, keeps walking after
 * `maxChars` to learn the whole length.
 */
export function joinConsString(graph: HeapGraph, known: KnownStrings, ordinal: number, maxChars: number, countAll = false): JoinedString {
  let text = '';
  let length = 0;
  let partCut = false;
  forEachConsPart(graph, known, ordinal, (part) => {
    const value = graph.strings.get(graph.nodeNames[part]!);
    if (text.length < maxChars) text += value;
    length += value.length;
    partCut ||= cutByV8(graph, part, value);
    return countAll || text.length < maxChars;
  });
  return { text, length, partCut };
}

/** Visits a concatenated string's parts (its non-concatenated leaves) in order, while `visit` says to go on. */
export function forEachConsPart(graph: HeapGraph, known: KnownStrings, ordinal: number, visit: (part: number) => boolean): void {
  const { nodeTypes, firstEdges, edgeTypes, edgeNames, edgeTargets, types } = graph;
  const stack = [ordinal];
  while (stack.length) {
    const current = stack.pop()!;
    if (nodeTypes[current] !== types.consString) {
      if (!visit(current)) return;
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
}

// V8 records at most this many characters of a string (its --heap-snapshot-string-limit).
const V8_STRING_LIMIT = 1024;
// A sequential string's header: map, hash and length (16 bytes; 12 with pointer compression).
const STRING_HEADER_BYTES = 16;

/**
 * Whether V8 cut the value it recorded for a plain string: the value is at V8's limit and the
 * object is bigger than that many characters need (two bytes each, to never claim a cut that
 * did not happen; a one-byte string up to about twice the limit goes unnoticed).
 */
export function cutByV8(graph: HeapGraph, ordinal: number, recorded: string): boolean {
  return (
    graph.nodeTypes[ordinal] === graph.types.string &&
    recorded.length >= V8_STRING_LIMIT &&
    graph.selfSizes[ordinal]! > STRING_HEADER_BYTES + 2 * V8_STRING_LIMIT
  );
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
