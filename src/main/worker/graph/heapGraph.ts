import type { StringStore } from '../parse/stringStore';

/** Source positions V8 records for closures and for objects (their constructor's position). */
export interface NodeLocations {
  count: number;
  /** Sorted ascending, at most one entry per node. */
  ordinals: Uint32Array;
  scriptIds: Uint32Array;
  lines: Uint32Array;
  columns: Uint32Array;
}

/** Indexes of the node and edge types the analyses test for; -1 when a snapshot lacks one. */
export interface TypeIndexes {
  hidden: number;
  array: number;
  string: number;
  object: number;
  code: number;
  native: number;
  synthetic: number;
  consString: number;
  slicedString: number;
  edgeElement: number;
  edgeProperty: number;
  edgeInternal: number;
  edgeHidden: number;
  edgeShortcut: number;
  edgeWeak: number;
  edgeInvisible: number;
}

/**
 * The parsed heap graph: one typed array per field, indexed by node ordinal or edge ordinal.
 * Edges of node `n` are `firstEdges[n] .. firstEdges[n + 1] - 1`; `edgeTargets` holds ordinals.
 */
export interface HeapGraph {
  nodeCount: number;
  edgeCount: number;
  nodeTypes: Uint8Array;
  nodeNames: Uint32Array;
  nodeIds: Uint32Array;
  /** Shallow sizes; doubles because native objects can exceed 4 GB. */
  selfSizes: Float64Array;
  firstEdges: Uint32Array;
  /** 0 unknown, 1 attached, 2 detached; null when the snapshot has no such field. */
  detachedness: Uint8Array | null;
  edgeTypes: Uint8Array;
  /** A string index, or the element index for `element` and `hidden` edges. */
  edgeNames: Uint32Array;
  edgeTargets: Uint32Array;
  strings: StringStore;
  locations: NodeLocations;
  nodeTypeNames: readonly string[];
  edgeTypeNames: readonly string[];
  types: TypeIndexes;
  rootOrdinal: number;
  extraNativeBytes: number;
}

export function typeIndexes(nodeTypeNames: readonly string[], edgeTypeNames: readonly string[]): TypeIndexes {
  const node = (name: string) => nodeTypeNames.indexOf(name);
  const edge = (name: string) => edgeTypeNames.indexOf(name);
  return {
    hidden: node('hidden'),
    array: node('array'),
    string: node('string'),
    object: node('object'),
    code: node('code'),
    native: node('native'),
    synthetic: node('synthetic'),
    consString: node('concatenated string'),
    slicedString: node('sliced string'),
    edgeElement: edge('element'),
    edgeProperty: edge('property'),
    edgeInternal: edge('internal'),
    edgeHidden: edge('hidden'),
    edgeShortcut: edge('shortcut'),
    edgeWeak: edge('weak'),
    edgeInvisible: edge('invisible'),
  };
}

/** Whether an edge's name field is a string index (false: an element index). */
export function edgeHasStringName(graph: HeapGraph, edgeOrdinal: number): boolean {
  const type = graph.edgeTypes[edgeOrdinal];
  return type !== graph.types.edgeElement && type !== graph.types.edgeHidden;
}
