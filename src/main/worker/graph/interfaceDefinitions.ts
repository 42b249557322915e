import type { HeapGraph } from './heapGraph';
import type { KnownStrings } from './knownStrings';
import type { PropertyNames } from './propertyNames';

// DevTools' limits for naming plain objects by their properties.
const MAX_INTERFACE_NAME_LENGTH = 120;
const MIN_OBJECTS_PER_INTERFACE = 2;
const MIN_OBJECT_PROPORTION = 1000;

/** A shape of plain objects, named like `{a, b, c}`. */
export interface InterfaceDefinition {
  name: string;
  properties: string[];
}

interface Candidate {
  name: string;
  properties: string[];
  count: number;
  order: number;
}

interface PathNode {
  children: Map<number, PathNode>;
  candidate?: Candidate;
}

export function isPlainObject(graph: HeapGraph, known: KnownStrings, ordinal: number): boolean {
  return graph.nodeTypes[ordinal] === graph.types.object && known.is('Object', graph.nodeNames[ordinal]!);
}

/**
 * The shapes DevTools names plain `Object`s by: each object's first property names (in edge
 * order, without `__proto__`, up to a name length of 120) form a candidate, and candidates
 * shared by at least 2 objects and 1 in 1000 plain objects are kept, most common first.
 * Candidates are counted in a trie of name indexes, so no string is built per object.
 */
export function inferInterfaceDefinitions(graph: HeapGraph, known: KnownStrings, names: PropertyNames): InterfaceDefinition[] {
  const { nodeCount, firstEdges, edgeTypes, edgeNames, types } = graph;
  const root: PathNode = { children: new Map() };
  const candidates: Candidate[] = [];
  const path: number[] = [];
  let plainObjects = 0;
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    if (!isPlainObject(graph, known, ordinal)) continue;
    plainObjects++;
    path.length = 0;
    let node = root;
    let nameLength = 1; // the opening brace
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      const name = edgeNames[edge]!;
      if (edgeTypes[edge] !== types.edgeProperty || known.is('__proto__', name)) continue;
      const formatted = names.format(name);
      if (nameLength > 1 && nameLength + formatted.length > MAX_INTERFACE_NAME_LENGTH) break;
      nameLength += (path.length ? 2 : 0) + formatted.length;
      path.push(name);
      let child = node.children.get(name);
      if (!child) {
        child = { children: new Map() };
        node.children.set(name, child);
      }
      node = child;
    }
    if (path.length === 0) continue;
    if (node.candidate) {
      node.candidate.count++;
    } else {
      node.candidate = {
        name: `{${path.map((name) => names.format(name)).join(', ')}}`,
        properties: path.map((name) => names.get(name)),
        count: 1,
        order: candidates.length,
      };
      candidates.push(node.candidate);
    }
  }
  candidates.sort((a, b) => b.count - a.count || a.order - b.order);
  const minCount = Math.max(MIN_OBJECTS_PER_INTERFACE, plainObjects / MIN_OBJECT_PROPORTION);
  const kept: InterfaceDefinition[] = [];
  for (const candidate of candidates) {
    if (candidate.count < minCount) break;
    kept.push({ name: candidate.name, properties: candidate.properties });
  }
  return kept;
}
