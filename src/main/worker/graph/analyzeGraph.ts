import { aggregateClasses, type ClassAggregates, type ClassTotals } from './classAggregates';
import { assignClasses, type ClassAssignment } from './classAssignment';
import { computeDistances } from './distances';
import { propagateDomState } from './domState';
import { computeDominators } from './dominators';
import { buildDominatorTree } from './dominatorTree';
import { EphemeronNames } from './ephemeronNames';
import { buildRetainers } from './retainerIndex';
import type { HeapGraph } from './heapGraph';
import { KnownStrings } from './knownStrings';
import { foldOwnedSizes } from './ownedSizes';
import { markDomTreesOwned, markPageOwned } from './pageOwnership';
import type { Retainers } from './retainers';
import { ScratchBuffers } from './scratchBuffers';
import type { HeapStatistics } from '../../../shared/model/heapSnapshots';
import { statisticsOf, sumByKind, type KindSums } from './statistics';

export type AnalysisStep = 'retainers' | 'dominators' | 'distances' | 'classes' | 'summary';

/** Everything computed from the graph; all per-node data is in typed arrays. */
export interface HeapAnalysis {
  graph: HeapGraph;
  known: KnownStrings;
  /** WeakMap edge names, parsed as met: one per snapshot, shared by every view of it. */
  ephemerons: EphemeronNames;
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
  /** A second thread: owned sizes are folded and classes named there meanwhile. */
  helper?: AnalysisHelper;
  /** Retainer counts a helper is already computing (see `buildRetainers`). */
  retainerCounts?: Promise<Uint32Array>;
  /** What the global objects own, a helper is already marking (see `markPageOwned`). */
  globalsOwned?: Promise<GlobalsOwned>;
}

export interface GlobalsOwned {
  owned: Uint8Array;
  /** The work stack it used: node count + 1 entries, for the analysis to reuse. */
  stack: Uint32Array;
}

export interface AnalysisHelper {
  /** Borrows two of `buffers` (shared ones) until done. */
  foldOwnedSizes(graph: HeapGraph, buffers: ScratchBuffers): Promise<void>;
  /** Takes one of `buffers` (shared ones) for the result. */
  distances(graph: HeapGraph, buffers: ScratchBuffers): Promise<Int32Array>;
  classes(graph: HeapGraph): Promise<ClassAssignment>;
  /**
   * Memory by kind and the per-class totals from the distances and classes it found, once the
   * (shared) retainer offsets are complete: during the dominator pass, not after.
   */
  summarize(firstRetainer: Uint32Array): Promise<{ kinds: KindSums; classes: ClassTotals }>;
}

/**
 * Runs DevTools' analyses over a parsed graph, in DevTools' order (some steps change names and
 * sizes). With a helper, owned sizes are folded, distances measured, classes named and the
 * summary's sums that need no dominators added up there meanwhile.
 */
export async function analyzeGraph(graph: HeapGraph, options: AnalyzeOptions = {}): Promise<HeapAnalysis> {
  const step = (name: AnalysisStep) => {
    options.checkpoint?.();
    options.onStep?.(name);
  };
  // Shared with a helper, which borrows some (see `foldOwnedSizes`) so the peak does not grow.
  const scratch = new ScratchBuffers(graph.nodeCount + 1, options.helper !== undefined);
  step('retainers');
  // Classes show the detached state, so it is settled before the helper starts on them.
  propagateDomState(graph);
  // Folding, distances and classes neither read nor write what the retainers and dominators
  // do, but the dominators' retained sizes read the folded sizes. Only the distances' array is
  // alive earlier than on one thread, where it reuses a buffer the dominator pass gives back.
  const { helper } = options;
  const fold = options.foldOwnedSizes ?? true;
  const folding = fold ? helper?.foldOwnedSizes(graph, scratch) : undefined;
  const measuring = helper?.distances(graph, scratch);
  const offloaded = helper?.classes(graph);
  // Awaited below; failing steps in between must not leave them unhandled.
  folding?.catch(() => undefined);
  measuring?.catch(() => undefined);
  offloaded?.catch(() => undefined);
  const known = new KnownStrings(graph.strings);
  const ephemerons = new EphemeronNames(graph.strings);
  // A helper that failed to mark or count (say, it could not start) only means doing it here.
  const pageOwned = await ownedByPage(graph, known, scratch, options.globalsOwned);
  const counts = await options.retainerCounts?.catch(() => undefined);
  const { retainers, essential } = buildRetainers(graph, pageOwned, ephemerons, counts);
  // The helper's own counts became the offsets, so it reads them in place.
  const summarizing = counts ? helper?.summarize(retainers.firstRetainer) : undefined;
  summarizing?.catch(() => undefined);
  if (folding) await folding;
  else if (fold) foldOwnedSizes(graph, known, scratch);

  step('dominators');
  const { dominators, retainedSizes } = computeDominators(graph, retainers, essential, scratch);
  const totalSizeBytes = retainedSizes[graph.rootOrdinal]! + graph.extraNativeBytes;

  step('distances');
  // Like classes, written to an array of their own, so a failed helper's are simply done here.
  const distances = (await measuring?.catch(() => undefined)) ?? computeDistances(graph, known, ephemerons, scratch);

  step('classes');
  const classes = (await offloaded?.catch(() => undefined)) ?? assignClasses(graph, known, scratch);

  step('summary');
  // Summed by the helper from the same distances and classes, or (if it could not) here.
  const summed = await summarizing?.catch(() => undefined);
  const tree = buildDominatorTree(dominators, graph.rootOrdinal, scratch);
  const aggregates = aggregateClasses(
    {
      classIds: classes.classIds,
      classCount: classes.table.classes.length,
      selfSizes: graph.selfSizes,
      retainedSizes,
      distances,
      tree,
      rootOrdinal: graph.rootOrdinal,
    },
    summed?.classes,
  );
  scratch.give(tree.firstChild, tree.children);
  scratch.clear();
  const statistics = statisticsOf(summed?.kinds ?? sumByKind(graph, known, retainers.firstRetainer), totalSizeBytes);
  return { graph, known, ephemerons, retainers, dominators, retainedSizes, distances, classes, aggregates, statistics, totalSizeBytes };
}

async function ownedByPage(graph: HeapGraph, known: KnownStrings, scratch: ScratchBuffers, globalsOwned?: Promise<GlobalsOwned>): Promise<Uint8Array> {
  const globals = await globalsOwned?.catch(() => undefined);
  if (!globals) return markPageOwned(graph, known, scratch);
  markDomTreesOwned(graph, known, globals.owned, globals.stack);
  scratch.give(globals.stack);
  return globals.owned;
}
