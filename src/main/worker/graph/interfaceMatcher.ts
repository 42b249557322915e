import type { HeapGraph } from './heapGraph';
import type { InterfaceDefinition } from './interfaceDefinitions';
import type { PropertyNames } from './propertyNames';

interface Match {
  definition: number;
  propertyCount: number;
}

interface TreeNode {
  next: Map<string, TreeNode>;
  match: Match | null;
  greatestNext: string | null;
}

function better(a: Match, b: Match | null): Match {
  if (!b || a.propertyCount > b.propertyCount) return a;
  if (b.propertyCount > a.propertyCount) return b;
  return a.definition <= b.definition ? a : b;
}

const NO_MATCH: Match = { definition: -1, propertyCount: 0 };
const NOT_COMPUTED = -2;
// Bounds on the memo, so objects used as big dictionaries cannot blow it up.
const MAX_MEMO_PROPERTIES = 64;
const MAX_MEMO_NODES = 1_000_000;

/** Memo of results by the object's property names in edge order (objects of one shape repeat it). */
interface ShapeNode {
  children: Map<number, ShapeNode>;
  definition: number;
}

/**
 * Finds, for a plain object, the definition DevTools would name it by: the one matching the
 * most of its properties (any subset, walked in sorted order), earlier definitions winning ties.
 */
export class InterfaceMatcher {
  private readonly tree: TreeNode = { next: new Map(), match: null, greatestNext: null };
  private readonly shapes: ShapeNode = { children: new Map(), definition: NOT_COMPUTED };
  private memoNodes = 0;

  constructor(
    definitions: InterfaceDefinition[],
    private readonly graph: HeapGraph,
    private readonly names: PropertyNames,
  ) {
    definitions.forEach((definition, index) => {
      const properties = [...definition.properties].sort();
      let node = this.tree;
      for (const property of properties) {
        let next = node.next.get(property);
        if (!next) {
          next = { next: new Map(), match: null, greatestNext: null };
          node.next.set(property, next);
          if (node.greatestNext === null || node.greatestNext < property) node.greatestNext = property;
        }
        node = next;
      }
      node.match ??= { definition: index, propertyCount: properties.length };
    });
  }

  /** The index of the matching definition, or -1 (the object stays "Object"). */
  match(ordinal: number): number {
    const { firstEdges, edgeTypes, edgeNames, types } = this.graph;
    let shape = this.shapes;
    let depth = 0;
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      if (edgeTypes[edge] !== types.edgeProperty) continue;
      if (++depth > MAX_MEMO_PROPERTIES) return this.matchProperties(ordinal);
      const name = edgeNames[edge]!;
      let next = shape.children.get(name);
      if (!next) {
        if (this.memoNodes >= MAX_MEMO_NODES) return this.matchProperties(ordinal);
        next = { children: new Map(), definition: NOT_COMPUTED };
        shape.children.set(name, next);
        this.memoNodes++;
      }
      shape = next;
    }
    if (shape.definition === NOT_COMPUTED) shape.definition = this.matchProperties(ordinal);
    return shape.definition;
  }

  private matchProperties(ordinal: number): number {
    const { firstEdges, edgeTypes, edgeNames, types } = this.graph;
    const properties: string[] = [];
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      if (edgeTypes[edge] === types.edgeProperty) properties.push(this.names.get(edgeNames[edge]!));
    }
    properties.sort();
    const states = new Set<TreeNode>([this.tree]);
    let match = better(NO_MATCH, this.tree.match);
    for (const property of properties) {
      for (const state of [...states]) {
        if (state.greatestNext === null || property >= state.greatestNext) states.delete(state);
        const next = state.next.get(property);
        if (next) {
          states.add(next);
          match = better(match, next.match);
        }
      }
    }
    return match.definition;
  }
}
