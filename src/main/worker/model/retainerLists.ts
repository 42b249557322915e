import { HeapdeckError } from '../../../shared/contract/errors';
import { RETAINER_NOISE, UNREACHABLE_DISTANCE_BASE, type RetainerNoise } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { UNREACHABLE_DISTANCE } from '../graph/distances';
import type { EphemeronNames } from '../graph/ephemeronNames';
import { retainerEdges } from '../graph/retainers';
import type { RetainerDistances } from './retainerDistances';
import type { RetainerNoiseKinds } from './retainerNoise';
import { sortByKey } from './sortByKey';

/** An object's retainers in display order, with what was left out. */
export interface RetainerList {
  edges: Uint32Array;
  sources: Uint32Array;
  /** Each source's distance in the Retainers view (see RetainerDistances.viewDistance). */
  distances: Float64Array;
  hidden: Record<RetainerNoise, number>;
}

/**
 * The references that hold an object, nearest to the GC roots first (ties in V8's order),
 * without the kinds of noise asked hidden, and with distances that ignore the ignored objects.
 * The last list is kept, so paging through a node with a million retainers is only slicing.
 */
export class RetainerLists {
  private last?: { key: string; list: RetainerList };

  constructor(
    private readonly analysis: HeapAnalysis,
    private readonly noise: RetainerNoiseKinds,
    private readonly distances: RetainerDistances,
    private readonly ephemerons: EphemeronNames,
  ) {}

  list(target: number, hide: readonly RetainerNoise[], ignored: readonly number[]): RetainerList {
    for (const kind of hide) {
      if (!RETAINER_NOISE.includes(kind)) {
        throw new HeapdeckError('INVALID_ARGUMENT', `There is no kind of retainer noise "${String(kind)}"; use ${RETAINER_NOISE.join(', ')}.`);
      }
    }
    const distances = this.distances.without(ignored);
    const key = `${target}|${[...hide].sort().join(',')}|${[...new Set(ignored)].sort((a, b) => a - b).join(',')}`;
    if (this.last?.key !== key) this.last = { key, list: this.build(target, new Set(hide), distances, ignored.length > 0) };
    return this.last.list;
  }

  private build(target: number, hide: Set<RetainerNoise>, distances: Int32Array, ignoring: boolean): RetainerList {
    const { graph, retainers } = this.analysis;
    const edges = retainerEdges(graph, retainers, target);
    const sources = retainers.retainerNodes.subarray(retainers.firstRetainer[target]!, retainers.firstRetainer[target + 1]!);
    const hidden: Record<RetainerNoise, number> = { weak: 0, weakMapTable: 0, inspector: 0, internal: 0 };
    const kept: number[] = [];
    for (let k = 0; k < edges.length; k++) {
      const kind = this.noise.kindOf(edges[k]!, sources[k]!);
      if (kind && hide.has(kind)) hidden[kind]++;
      else kept.push(k);
    }
    const cutPairs = ignoring ? this.pairsCutByIgnoring(edges, sources, distances) : undefined;
    const distanceOf = new Float64Array(edges.length);
    for (const k of kept) {
      const pair = cutPairs?.size ? this.pairKey(edges[k]!) : undefined;
      distanceOf[k] = pair !== undefined && cutPairs!.has(pair) ? UNREACHABLE_DISTANCE_BASE : this.distances.viewDistance(distances, sources[k]!);
    }
    const order = sortByKey(Uint32Array.from(kept), (k) => distanceOf[k]!);
    return {
      edges: order.map((k) => edges[k]!),
      sources: order.map((k) => sources[k]!),
      distances: Float64Array.from(order, (k) => distanceOf[k]!),
      hidden,
    };
  }

  /**
   * A WeakMap value is held by its key and its table together: once ignoring makes one of the
   * two unreachable, the other alone does not keep the value, so it is shown unreachable too.
   */
  private pairsCutByIgnoring(edges: Uint32Array, sources: Uint32Array, distances: Int32Array): Set<string> {
    const cut = new Set<string>();
    for (let k = 0; k < edges.length; k++) {
      const pair = this.pairKey(edges[k]!);
      if (pair !== undefined && distances[sources[k]!] === UNREACHABLE_DISTANCE) cut.add(pair);
    }
    return cut;
  }

  private pairKey(edge: number): string | undefined {
    const { graph } = this.analysis;
    return graph.edgeTypes[edge] === graph.types.edgeInternal ? this.ephemerons.pairKeyOf(graph.edgeNames[edge]!) : undefined;
  }
}
