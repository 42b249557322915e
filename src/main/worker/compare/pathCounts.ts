import type { HeapAnalysis } from '../graph/analyzeGraph';
import { selectCandidates } from './candidateSelection';
import { groupByRetainingPath } from './retainerClusters';

/** How many objects, and how many bytes, each retaining-path pattern holds in one snapshot. */
export interface PathCounts {
  patterns: string[];
  counts: number[];
  retainedBytes: number[];
}

// Patterns reported per snapshot: the trend keeps the last snapshot's top 100, and looks each up
// in the earlier snapshots' lists.
const MAX_PATTERNS = 500;

/**
 * The objects of the named classes (listed ones, after CANDIDATE_FILTERS) grouped by retaining
 * path pattern, the most objects first; estimated from a sample over MAX_CLUSTERED_OBJECTS.
 */
export function countPathPatterns(analysis: HeapAnalysis, classNames: readonly string[]): PathCounts {
  const { graph, classes } = analysis;
  const wanted = new Set(classNames);
  const classWanted = Uint8Array.from(classes.table.classes, (info) => (wanted.has(info.name) ? 1 : 0));
  const picked: number[] = [];
  for (let ordinal = 0; ordinal < graph.nodeCount; ordinal++) {
    if (classWanted[classes.classIds[ordinal]!] && graph.selfSizes[ordinal]! > 0) picked.push(ordinal);
  }
  const { roots } = selectCandidates(analysis, Uint32Array.from(picked));
  const { groups } = groupByRetainingPath(analysis, roots);
  const top = groups.sort((a, b) => b.count - a.count || a.pattern.localeCompare(b.pattern)).slice(0, MAX_PATTERNS);
  return { patterns: top.map((group) => group.pattern), counts: top.map((group) => group.count), retainedBytes: top.map((group) => group.retainedBytes) };
}
