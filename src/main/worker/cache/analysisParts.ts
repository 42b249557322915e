import type { HeapStatistics } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { BitVector } from '../graph/bitVector';
import { ClassTable, type ClassInfo } from '../graph/classTable';
import { typeIndexes } from '../graph/heapGraph';
import type { InterfaceDefinition } from '../graph/interfaceDefinitions';
import { EphemeronNames } from '../graph/ephemeronNames';
import { KnownStrings } from '../graph/knownStrings';
import { StringStore } from '../parse/stringStore';

export type CachedArray = Uint8Array | Uint32Array | Int32Array | Float64Array;
export type ArrayType = 'u8' | 'u32' | 'i32' | 'f64';

export const ARRAY_CONSTRUCTORS = {
  u8: Uint8Array,
  u32: Uint32Array,
  i32: Int32Array,
  f64: Float64Array,
} as const;

/** The small, JSON-able part of an analysis; the rest is the named typed arrays. */
export interface AnalysisMeta {
  nodeCount: number;
  edgeCount: number;
  stringCount: number;
  stringSegmentCount: number;
  locationCount: number;
  hasDetachedness: boolean;
  nodeTypeNames: string[];
  edgeTypeNames: string[];
  rootOrdinal: number;
  extraNativeBytes: number;
  classes: ClassInfo[];
  interfaces: InterfaceDefinition[];
  statistics: HeapStatistics;
  totalSizeBytes: number;
}

/** An array's expected type and length; length undefined when only the file size bounds it. */
export interface ArraySpec {
  type: ArrayType;
  length?: number;
}

export function arrayTypeOf(array: CachedArray): ArrayType {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Int32Array) return 'i32';
  return 'f64';
}

const segmentName = (index: number) => `stringSegment.${index}`;

/** Splits an analysis into its JSON-able metadata and its typed arrays, by name. */
export function analysisParts(analysis: HeapAnalysis): { meta: AnalysisMeta; arrays: Map<string, CachedArray> } {
  const { graph, retainers, classes, aggregates } = analysis;
  const strings = graph.strings.parts();
  const { locations } = graph;
  const arrays = new Map<string, CachedArray>([
    ['nodeTypes', graph.nodeTypes],
    ['nodeNames', graph.nodeNames],
    ['nodeIds', graph.nodeIds],
    ['selfSizes', graph.selfSizes],
    ['firstEdges', graph.firstEdges],
    ['edgeTypes', graph.edgeTypes],
    ['edgeNames', graph.edgeNames],
    ['edgeTargets', graph.edgeTargets],
    ['stringLocations', strings.locations],
    ['stringLengths', strings.lengths],
    ['locationOrdinals', locations.ordinals.subarray(0, locations.count)],
    ['locationScriptIds', locations.scriptIds.subarray(0, locations.count)],
    ['locationLines', locations.lines.subarray(0, locations.count)],
    ['locationColumns', locations.columns.subarray(0, locations.count)],
    ['firstRetainer', retainers.firstRetainer],
    ['retainerNodes', retainers.retainerNodes],
    ['essentialSlots', retainers.essentialSlots.words],
    ['dominators', analysis.dominators],
    ['retainedSizes', analysis.retainedSizes],
    ['distances', analysis.distances],
    ['classIds', classes.classIds.subarray(0, graph.nodeCount)],
    ['classCounts', aggregates.counts],
    ['classShallowSizes', aggregates.shallowSizes],
    ['classRetainedSizes', aggregates.retainedSizes],
    ['classMinDistances', aggregates.minDistances],
  ]);
  if (graph.detachedness) arrays.set('detachedness', graph.detachedness);
  strings.segments.forEach((segment, index) => arrays.set(segmentName(index), segment));
  const meta: AnalysisMeta = {
    nodeCount: graph.nodeCount,
    edgeCount: graph.edgeCount,
    stringCount: strings.lengths.length,
    stringSegmentCount: strings.segments.length,
    locationCount: locations.count,
    hasDetachedness: graph.detachedness !== null,
    nodeTypeNames: [...graph.nodeTypeNames],
    edgeTypeNames: [...graph.edgeTypeNames],
    rootOrdinal: graph.rootOrdinal,
    extraNativeBytes: graph.extraNativeBytes,
    classes: classes.table.classes,
    interfaces: classes.interfaces,
    statistics: analysis.statistics,
    totalSizeBytes: analysis.totalSizeBytes,
  };
  return { meta, arrays };
}

/** Every array an analysis with this metadata has, with the type and length it must have. */
export function expectedArrays(meta: AnalysisMeta): Map<string, ArraySpec> {
  const nodes = meta.nodeCount;
  const edges = meta.edgeCount;
  const classCount = meta.classes.length;
  const specs = new Map<string, ArraySpec>([
    ['nodeTypes', { type: 'u8', length: nodes }],
    ['nodeNames', { type: 'u32', length: nodes }],
    ['nodeIds', { type: 'u32', length: nodes }],
    ['selfSizes', { type: 'f64', length: nodes }],
    ['firstEdges', { type: 'u32', length: nodes + 1 }],
    ['edgeTypes', { type: 'u8', length: edges }],
    ['edgeNames', { type: 'u32', length: edges }],
    ['edgeTargets', { type: 'u32', length: edges }],
    ['stringLocations', { type: 'f64', length: meta.stringCount }],
    ['stringLengths', { type: 'u32', length: meta.stringCount }],
    ['locationOrdinals', { type: 'u32', length: meta.locationCount }],
    ['locationScriptIds', { type: 'u32', length: meta.locationCount }],
    ['locationLines', { type: 'u32', length: meta.locationCount }],
    ['locationColumns', { type: 'u32', length: meta.locationCount }],
    ['firstRetainer', { type: 'u32', length: nodes + 1 }],
    ['retainerNodes', { type: 'u32', length: edges }],
    ['essentialSlots', { type: 'u32', length: Math.ceil(edges / 32) }],
    ['dominators', { type: 'u32', length: nodes }],
    ['retainedSizes', { type: 'f64', length: nodes }],
    ['distances', { type: 'i32', length: nodes }],
    ['classIds', { type: 'u32', length: nodes }],
    ['classCounts', { type: 'f64', length: classCount }],
    ['classShallowSizes', { type: 'f64', length: classCount }],
    ['classRetainedSizes', { type: 'f64', length: classCount }],
    ['classMinDistances', { type: 'i32', length: classCount }],
  ]);
  if (meta.hasDetachedness) specs.set('detachedness', { type: 'u8', length: nodes });
  for (let index = 0; index < meta.stringSegmentCount; index++) specs.set(segmentName(index), { type: 'u8' });
  return specs;
}

/**
 * Puts an analysis back together from `analysisParts`' output, with the arrays already checked
 * against `expectedArrays`. Undefined when the parts contradict each other.
 */
export function rebuildAnalysis(meta: AnalysisMeta, arrays: Map<string, CachedArray>): HeapAnalysis | undefined {
  const array = <T extends CachedArray>(name: string) => arrays.get(name) as T;
  const firstEdges = array<Uint32Array>('firstEdges');
  const table = ClassTable.replay(meta.classes);
  if (!table || firstEdges[meta.nodeCount] !== meta.edgeCount || meta.rootOrdinal >= meta.nodeCount) return undefined;
  const segments: Uint8Array[] = [];
  for (let index = 0; index < meta.stringSegmentCount; index++) segments.push(array(segmentName(index)));
  const strings = new StringStore({ segments, locations: array('stringLocations'), lengths: array('stringLengths') });
  const essentialSlots = new BitVector(meta.edgeCount);
  essentialSlots.words.set(array<Uint32Array>('essentialSlots'));
  const graph: HeapAnalysis['graph'] = {
    nodeCount: meta.nodeCount,
    edgeCount: meta.edgeCount,
    nodeTypes: array('nodeTypes'),
    nodeNames: array('nodeNames'),
    nodeIds: array('nodeIds'),
    selfSizes: array('selfSizes'),
    firstEdges,
    detachedness: meta.hasDetachedness ? array<Uint8Array>('detachedness') : null,
    edgeTypes: array('edgeTypes'),
    edgeNames: array('edgeNames'),
    edgeTargets: array('edgeTargets'),
    strings,
    locations: {
      count: meta.locationCount,
      ordinals: array('locationOrdinals'),
      scriptIds: array('locationScriptIds'),
      lines: array('locationLines'),
      columns: array('locationColumns'),
    },
    nodeTypeNames: meta.nodeTypeNames,
    edgeTypeNames: meta.edgeTypeNames,
    types: typeIndexes(meta.nodeTypeNames, meta.edgeTypeNames),
    rootOrdinal: meta.rootOrdinal,
    extraNativeBytes: meta.extraNativeBytes,
  };
  return {
    graph,
    known: new KnownStrings(strings),
    ephemerons: new EphemeronNames(strings),
    retainers: { firstRetainer: array('firstRetainer'), retainerNodes: array('retainerNodes'), essentialSlots },
    dominators: array('dominators'),
    retainedSizes: array('retainedSizes'),
    distances: array('distances'),
    classes: { table, classIds: array('classIds'), interfaces: meta.interfaces },
    aggregates: {
      counts: array('classCounts'),
      shallowSizes: array('classShallowSizes'),
      retainedSizes: array('classRetainedSizes'),
      minDistances: array('classMinDistances'),
    },
    statistics: meta.statistics,
    totalSizeBytes: meta.totalSizeBytes,
  };
}
