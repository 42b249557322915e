import { SYSTEM_DISTANCE_BASE } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';

/** The noise filters `selectCandidates` applies, in words, for reports. */
export const CANDIDATE_FILTERS = [
  "V8's own objects: hidden and system objects, internal arrays, code, hidden classes, heap numbers, symbols (MemLab's trivial-node rule), and objects named \"system / ...\"",
  'strings of every kind: their growth shows in the class comparison, their holders are the finding',
  'objects reached only through V8\'s system roots or not at all: no program reference holds them',
  "objects inside another candidate's retained tree: counted in the candidate that dominates them, so a leaked Entry is one object, not an Entry, its value and its arrays",
] as const;

const V8_OWN_TYPES = ['hidden', 'array', 'code', 'object shape', 'synthetic', 'number', 'symbol', 'bigint'];
const STRING_TYPES = ['string', 'concatenated string', 'sliced string'];
const SYSTEM_PREFIX = 'system / ';

export interface CandidateSelection {
  /** The candidates left, each the top of its own retained tree of candidates. */
  roots: Uint32Array;
  /** Removed by the first three filters. */
  noiseCount: number;
  /** Folded into a dominating candidate (the last filter). */
  foldedCount: number;
}

/** Applies CANDIDATE_FILTERS to `candidates` (ordinals). */
export function selectCandidates(analysis: HeapAnalysis, candidates: Uint32Array): CandidateSelection {
  const { graph, distances, dominators } = analysis;
  const { nodeTypes, nodeNames, nodeCount, rootOrdinal } = graph;
  const noiseTypes = new Uint8Array(graph.nodeTypeNames.length);
  graph.nodeTypeNames.forEach((name, type) => (noiseTypes[type] = V8_OWN_TYPES.includes(name) || STRING_TYPES.includes(name) ? 1 : 0));
  const systemNames = new Map<number, boolean>();
  const isSystemName = (name: number) => {
    let is = systemNames.get(name);
    if (is === undefined) systemNames.set(name, (is = graph.strings.get(name).startsWith(SYSTEM_PREFIX)));
    return is;
  };
  const kept = new Uint8Array(nodeCount);
  let noiseCount = 0;
  for (const ordinal of candidates) {
    const distance = distances[ordinal]!;
    if (noiseTypes[nodeTypes[ordinal]!] || distance < 0 || distance >= SYSTEM_DISTANCE_BASE || isSystemName(nodeNames[ordinal]!)) noiseCount++;
    else kept[ordinal] = 1;
  }
  // covered[x]: 2 when x or one of its dominators is kept, 1 when none is, 0 not yet known.
  const covered = new Uint8Array(nodeCount);
  covered[rootOrdinal] = kept[rootOrdinal] ? 2 : 1;
  const climb: number[] = [];
  const isCovered = (start: number): boolean => {
    let at = start;
    // Chains end at the root, or past the last node for the few objects without a dominator.
    while (at < nodeCount && covered[at] === 0 && !kept[at]) {
      climb.push(at);
      at = dominators[at]!;
    }
    const value = at >= nodeCount ? 1 : kept[at] ? 2 : covered[at]!;
    for (const passed of climb) covered[passed] = value;
    climb.length = 0;
    return value === 2;
  };
  const roots: number[] = [];
  let foldedCount = 0;
  for (const ordinal of candidates) {
    if (!kept[ordinal]) continue;
    if (ordinal !== rootOrdinal && isCovered(dominators[ordinal]!)) foldedCount++;
    else roots.push(ordinal);
  }
  return { roots: Uint32Array.from(roots), noiseCount, foldedCount };
}
