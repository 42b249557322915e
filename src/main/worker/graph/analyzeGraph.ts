import { aggregateClasses, type ClassAggregates } from './classAggregates';
import { assignClasses, type ClassAssignment } from './classAssignment';
import { computeDistances } from './distances';
import { propagateDomState } from './domState';
import { computeDominators } from './dominators';
import { buildDominatorTree } from './dominatorTree';
import { EphemeronNames } from './ephemeronNames';
import { findEssentialEdges } from './essentialEdges';
import type { HeapGraph } from './heapGraph';
import { KnownStrings } from './knownStrings';
import { foldOwnedSizes } from './ownedSizes';
import { markPageOwned } from './pageOwnership';
import { buildRetainers, type Retainers } from './retainers';
import { ScratchBuffers } from './scratchBuffers';
import type { HeapStatistics } from '../../../shared/model/heapSnapshots';
import { computeStatistics } from './statistics';

export type AnalysisStep = 'retainers' | 'dominators' | 'distances' | 'classes' | 'summary';

/** Everything computed from the graph; all per-node data is in typed arrays. */
export interface HeapAnalysis {
  graph: HeapGraph;
  known: KnownStrings;
  retainers: Retainers;
  dominators: Uint32Array;
  retainedSizes: Float64Array;
  distances: Int32Array;
  classes: ClassAssignment;
  aggregates: ClassAggregates;
  statistics: HeapStatistics;
  totalSizeBytes: number;
}

export interface AnalyzeOptions {
  onStep?: (step: AnalysisStep) => void;
  /** Called between steps; throw from it to stop (cancellation). */
  checkpoint?: () => void;
  /**
   * Move internal arrays' and hidden objects' sizes into their single owner, as DevTools shows
   * shallow sizes (default). Off gives V8's raw per-object sizes, as MemLab reports them.
   */
  foldOwnedSizes?: boolean;
}

/** Runs DevTools' analyses over a parsed graph, in DevTools' order (some steps change names and sizes). */
export function analyzeGraph(graph: HeapGraph, options: AnalyzeOptions = {}): HeapAnalysis {
  const step = (name: AnalysisStep) => {
    options.checkpoint?.();
    options.onStep?.(name);
  };
  const scratch = new ScratchBuffers(graph.nodeCount + 1);
  step('retainers');
  propagateDomState(graph);
  const known = new KnownStrings(graph.strings);
  const ephemerons = new EphemeronNames(graph.strings);
  const essential = findEssentialEdges(graph, markPageOwned(graph, known, scratch), ephemerons);
  const retainers = buildRetainers(graph, essential);
  if (options.foldOwnedSizes ?? true) foldOwnedSizes(graph, known, scratch);

  step('dominators');
  const { dominators, retainedSizes } = computeDominators(graph, retainers, essential, scratch);
  const totalSizeBytes = retainedSizes[graph.rootOrdinal]! + graph.extraNativeBytes;

  step('distances');
  const distances = computeDistances(graph, known, ephemerons, scratch);

  step('classes');
  const classes = assignClasses(graph, known, scratch);

  step('summary');
  const tree = buildDominatorTree(dominators, graph.rootOrdinal, scratch);
  const aggregates = aggregateClasses({
    classIds: classes.classIds,
    classCount: classes.table.classes.length,
    selfSizes: graph.selfSizes,
    retainedSizes,
    distances,
    tree,
    rootOrdinal: graph.rootOrdinal,
  });
  scratch.give(tree.firstChild, tree.children);
  scratch.clear();
  const statistics = computeStatistics(graph, known, retainers, totalSizeBytes);
  return { graph, known, retainers, dominators, retainedSizes, distances, classes, aggregates, statistics, totalSizeBytes };
}
