import { HeapdeckError } from '../../../shared/contract/errors';
import { UNREACHABLE_DISTANCE_BASE } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { BitVector } from '../graph/bitVector';
import { computeDistances, UNREACHABLE_DISTANCE } from '../graph/distances';
import type { EphemeronNames } from '../graph/ephemeronNames';
import { ScratchBuffers } from '../graph/scratchBuffers';

/**
 * Distances from the roots as the Retainers view sees them after "ignore this retainer": the
 * ignored objects count as absent and the distances are recomputed without them (a BFS of the
 * whole graph, as DevTools does), kept for the last set of ignored objects.
 */
export class RetainerDistances {
  private last?: { key: string; distances: Int32Array };

  constructor(
    private readonly analysis: HeapAnalysis,
    private readonly ephemerons: EphemeronNames,
  ) {}

  /** The snapshot's own distances when nothing is ignored. */
  without(ignored: readonly number[]): Int32Array {
    if (!ignored.length) return this.analysis.distances;
    const { graph, known } = this.analysis;
    const ordinals = [...new Set(ignored)].sort((a, b) => a - b);
    for (const ordinal of ordinals) {
      if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= graph.nodeCount) {
        throw new HeapdeckError('NOT_FOUND', `There is no object number ${ordinal} in this snapshot to ignore.`);
      }
    }
    const key = ordinals.join(',');
    if (this.last?.key !== key) {
      const skip = new BitVector(graph.nodeCount);
      for (const ordinal of ordinals) skip.set(ordinal);
      const distances = computeDistances(graph, known, this.ephemerons, new ScratchBuffers(graph.nodeCount + 1), skip);
      this.last = { key, distances };
    }
    return this.last.distances;
  }

  /**
   * A retainer's distance in the Retainers view: as computed, or for one no path reaches, past
   * UNREACHABLE_DISTANCE_BASE by its distance before anything was ignored, so it sorts last.
   */
  viewDistance(distances: Int32Array, ordinal: number): number {
    const distance = distances[ordinal]!;
    if (distance !== UNREACHABLE_DISTANCE) return distance;
    return UNREACHABLE_DISTANCE_BASE + Math.max(0, this.analysis.distances[ordinal]!);
  }
}
