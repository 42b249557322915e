import type { PathStep } from '../../../shared/model/comparisons';
import { UNREACHABLE_DISTANCE_BASE } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { edgeHasStringName } from '../graph/heapGraph';
import { edgeName } from './nodeNames';
import { objectRow } from './objectRow';
import { RetainerNoiseKinds } from './retainerNoise';

/** Steps a path is followed by default: deep enough to pass a Map's table and reach its owner. */
export const DEFAULT_PATH_STEPS = 12;

/**
 * Why a walk stopped: at a GC root, after `maxSteps`, because nothing but weak references,
 * WeakMap tables and the inspector (console, debugger) holds the object, or because the next
 * retainer is already on the path (possible only among retainers no nearer the roots).
 */
export type PathEnd = 'root' | 'maxSteps' | 'noRetainer' | 'cycle';

export interface RetainingPath {
  /** From the object toward the roots. */
  steps: PathStep[];
  /** The steps as a pattern, root side first: see `retainingPathPattern`. */
  pattern: string;
  end: PathEnd;
}

// A holder with more named properties than this that is not a global object is a dictionary:
// its property names are keys (`cache['user-17']`), so they are generalised like indexes.
const DICTIONARY_MIN_PROPERTIES = 256;
// Retainers through V8's own structures are followed only when nothing else holds the object.
const INTERNAL_PENALTY = UNREACHABLE_DISTANCE_BASE;
const SEPARATOR = ' → ';

/**
 * The retaining path of `ordinal` as DevTools' first retainer row shows it, followed step by step:
 * at each object the retainer nearest the GC roots (by distance), skipping weak references,
 * WeakMap table edges and inspector references, and taking V8-internal references (code, maps,
 * system roots) only when no other retainer is left; stops at a root or after `maxSteps`.
 */
export function shortestRetainingPath(analysis: HeapAnalysis, ordinal: number, maxSteps = DEFAULT_PATH_STEPS): RetainingPath {
  const steps: PathStep[] = [];
  const labels: string[] = [];
  const end = walkRetainingPath(analysis, ordinal, maxSteps, (edge, holder) => {
    const { graph } = analysis;
    steps.push({ edgeName: edgeName(graph, edge), edgeType: graph.edgeTypeNames[graph.edgeTypes[edge]!]!, holder: objectRow(analysis, holder) });
    labels.push(stepPattern(analysis, edge, holder));
  });
  return { steps, pattern: joinPattern(labels), end };
}

/**
 * Only the pattern of `shortestRetainingPath`, without building rows: cheap enough to cluster
 * tens of thousands of objects. The pattern reads root side first, one `Holder.edge` per step,
 * with element indexes, numeric names and dictionary keys generalised to `Holder[]` and WeakMap
 * entries to `Key[WeakMap entry]`, so the 10 000 entries of one Map share one pattern, e.g.
 * `global.cache → LeakyCache.entries → Map.table → (object elements)[]`.
 */
export function retainingPathPattern(analysis: HeapAnalysis, ordinal: number, maxSteps = DEFAULT_PATH_STEPS): { pattern: string; end: PathEnd } {
  const labels: string[] = [];
  const end = walkRetainingPath(analysis, ordinal, maxSteps, (edge, holder) => labels.push(stepPattern(analysis, edge, holder)));
  return { pattern: joinPattern(labels), end };
}

function joinPattern(labels: string[]): string {
  return labels.reverse().join(SEPARATOR);
}

interface PathContext {
  noise: RetainerNoiseKinds;
  /** Per holder met: whether it is a dictionary (see isDictionary); thousands of paths pass one. */
  dictionaries: Map<number, boolean>;
  /** Per object: the retainer its path follows and the edge from it (see nextHolder); on first use. */
  nextHolders?: Int32Array;
  nextEdges?: Uint32Array;
  /** Per retainer slot: its edge (see slotEdgesOf); on first use. */
  slotEdges?: Uint32Array;
  /** Per edge met: its step of a pattern (see stepPattern). */
  stepPatterns: Map<number, string>;
}

// One classifier per snapshot, kept as long as its analysis lives.
const contexts = new WeakMap<HeapAnalysis, PathContext>();

function contextOf(analysis: HeapAnalysis): PathContext {
  let context = contexts.get(analysis);
  if (!context) {
    context = { noise: new RetainerNoiseKinds(analysis.graph, analysis.ephemerons), dictionaries: new Map(), stepPatterns: new Map() };
    contexts.set(analysis, context);
  }
  return context;
}

function walkRetainingPath(analysis: HeapAnalysis, ordinal: number, maxSteps: number, visit: (edge: number, holder: number) => void): PathEnd {
  const { nodeTypes, types } = analysis.graph;
  const context = contextOf(analysis);
  const visited = new Set<number>([ordinal]);
  let current = ordinal;
  for (let step = 0; step < maxSteps; step++) {
    const holder = nextHolder(analysis, context, current);
    if (holder === ROOT_REACHED) return 'root';
    if (holder === NO_RETAINER) return 'noRetainer';
    if (visited.has(holder)) return 'cycle';
    visit(context.nextEdges![current]!, holder);
    if (nodeTypes[holder] === types.synthetic) return 'root';
    visited.add(holder);
    current = holder;
  }
  return 'maxSteps';
}

const UNKNOWN = -1;
const ROOT_REACHED = -2;
const NO_RETAINER = -3;

/**
 * The retainer a path follows from `ordinal` (or ROOT_REACHED / NO_RETAINER), chosen once per
 * object: the objects of one cluster share all but their first steps.
 */
function nextHolder(analysis: HeapAnalysis, context: PathContext, ordinal: number): number {
  context.nextHolders ??= new Int32Array(analysis.graph.nodeCount).fill(UNKNOWN);
  context.nextEdges ??= new Uint32Array(analysis.graph.nodeCount);
  const known = context.nextHolders[ordinal]!;
  if (known !== UNKNOWN) return known;
  const { graph, retainers, distances } = analysis;
  const slotEdges = slotEdgesOf(analysis, context);
  const { retainerNodes } = retainers;
  let best = NO_RETAINER;
  let bestKey = Infinity;
  for (let slot = retainers.firstRetainer[ordinal]!, end = retainers.firstRetainer[ordinal + 1]!; slot < end; slot++) {
    const source = retainerNodes[slot]!;
    if (source === graph.rootOrdinal) {
      best = ROOT_REACHED;
      break;
    }
    const distance = distances[source]!;
    const reach = distance < 0 ? UNREACHABLE_DISTANCE_BASE : distance;
    if (reach >= bestKey || source === ordinal) continue;
    const kind = context.noise.kindOf(slotEdges[slot]!, source);
    if (kind === 'weak' || kind === 'weakMapTable' || kind === 'inspector') continue;
    const key = kind === 'internal' ? reach + INTERNAL_PENALTY : reach;
    if (key < bestKey) {
      best = source;
      bestKey = key;
      context.nextEdges[ordinal] = slotEdges[slot]!;
    }
  }
  context.nextHolders[ordinal] = best;
  return best;
}

/**
 * The edge of every retainer slot. `retainerEdges` finds an object's edges by scanning each
 * retainer's outgoing edges, which costs the length of a big Map's table for each of its
 * entries; paths walk tens of thousands of such entries, so they pay one pass over the edges
 * (slots of a node are filled in edge order) and 4 bytes per edge instead.
 */
function slotEdgesOf(analysis: HeapAnalysis, context: PathContext): Uint32Array {
  if (!context.slotEdges) {
    const { graph, retainers } = analysis;
    const cursors = retainers.firstRetainer.slice(0, graph.nodeCount);
    const slotEdges = new Uint32Array(graph.edgeCount);
    const { edgeTargets, edgeCount } = graph;
    for (let edge = 0; edge < edgeCount; edge++) slotEdges[cursors[edgeTargets[edge]!]!++] = edge;
    context.slotEdges = slotEdges;
  }
  return context.slotEdges;
}

/** One step of a pattern: the holder's class and the reference, generalised (see retainingPathPattern). */
function stepPattern(analysis: HeapAnalysis, edge: number, holder: number): string {
  const { stepPatterns } = contextOf(analysis);
  let pattern = stepPatterns.get(edge);
  if (pattern === undefined) {
    pattern = describeStep(analysis, edge, holder);
    stepPatterns.set(edge, pattern);
  }
  return pattern;
}

function describeStep(analysis: HeapAnalysis, edge: number, holder: number): string {
  const { graph, classes } = analysis;
  const className = classes.table.classes[classes.classIds[holder]!]!.name;
  if (!edgeHasStringName(graph, edge)) return `${className}[]`;
  const nameIndex = graph.edgeNames[edge]!;
  const type = graph.edgeTypes[edge];
  if (type === graph.types.edgeInternal && analysis.ephemerons.isEphemeron(nameIndex)) return `${className}[WeakMap entry]`;
  const name = graph.strings.get(nameIndex);
  if (isIndexName(name) || (type === graph.types.edgeProperty && isDictionary(analysis, holder))) return `${className}[]`;
  return `${className}.${name}`;
}

function isIndexName(name: string): boolean {
  return name.length > 0 && name.length < 16 && /^\d+$/.test(name);
}

function isDictionary(analysis: HeapAnalysis, holder: number): boolean {
  const { dictionaries } = contextOf(analysis);
  let is = dictionaries.get(holder);
  if (is === undefined) {
    is = countsAsDictionary(analysis, holder);
    dictionaries.set(holder, is);
  }
  return is;
}

function countsAsDictionary(analysis: HeapAnalysis, holder: number): boolean {
  const { graph, distances } = analysis;
  // Globals (distance 1) have hundreds of properties that are names, not keys.
  if (distances[holder] === 1) return false;
  const { firstEdges, edgeTypes, types } = graph;
  const end = firstEdges[holder + 1]!;
  let properties = 0;
  for (let edge = firstEdges[holder]!; edge < end; edge++) {
    if (edgeTypes[edge] === types.edgeProperty && ++properties > DICTIONARY_MIN_PROPERTIES) return true;
  }
  return false;
}
