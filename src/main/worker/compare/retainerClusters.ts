import type { RetainerCluster } from '../../../shared/model/comparisons';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { objectRow } from '../model/objectRow';
import { retainingPathPattern, shortestRetainingPath } from '../model/retainerPaths';

/** At most this many objects have their paths walked; beyond it a deterministic sample is. */
export const MAX_CLUSTERED_OBJECTS = 100_000;

export interface ClusterOptions {
  limit: number;
  /** Clusters retaining less than this in all are left out (their number is in `smallCount`). */
  minRetainedBytes?: number;
}

export interface Clustering {
  clusters: RetainerCluster[];
  /** Objects held only by weak references, WeakMap tables or the inspector: left out. */
  weakOnlyCount: number;
  /** Objects in clusters left out for being below `minRetainedBytes`. */
  smallCount: number;
}

/** Objects retained the same way, before they become a RetainerCluster. */
export interface PathGroup {
  pattern: string;
  count: number;
  retainedBytes: number;
  classes: Map<string, number>;
  /** The ordinal of the member with the largest retained size. */
  biggest: number;
}

/**
 * Groups objects by the pattern of their retaining path (see retainingPathPattern), leaving out
 * those only weak references or the inspector hold. Over MAX_CLUSTERED_OBJECTS objects, every
 * k-th (in the given order) is walked and its group's count and bytes grow by k for it: the
 * figures are then estimates.
 */
export function groupByRetainingPath(analysis: HeapAnalysis, ordinals: Uint32Array): { groups: PathGroup[]; weakOnlyCount: number } {
  const { retainedSizes, classes } = analysis;
  const stride = Math.max(1, Math.ceil(ordinals.length / MAX_CLUSTERED_OBJECTS));
  const groups = new Map<string, PathGroup>();
  let weakOnlyCount = 0;
  for (let k = 0; k < ordinals.length; k += stride) {
    const ordinal = ordinals[k]!;
    const { pattern, end } = retainingPathPattern(analysis, ordinal);
    if (end === 'noRetainer') {
      weakOnlyCount += stride;
      continue;
    }
    let group = groups.get(pattern);
    if (!group) groups.set(pattern, (group = { pattern, count: 0, retainedBytes: 0, classes: new Map(), biggest: ordinal }));
    group.count += stride;
    group.retainedBytes += stride * retainedSizes[ordinal]!;
    const className = classes.table.classes[classes.classIds[ordinal]!]!.name;
    group.classes.set(className, (group.classes.get(className) ?? 0) + 1);
    if (retainedSizes[ordinal]! > retainedSizes[group.biggest]!) group.biggest = ordinal;
  }
  return { groups: [...groups.values()], weakOnlyCount };
}

/** groupByRetainingPath's groups as clusters, biggest retained size first, with a representative path each. */
export function clusterByRetainingPath(analysis: HeapAnalysis, ordinals: Uint32Array, options: ClusterOptions): Clustering {
  const { groups, weakOnlyCount } = groupByRetainingPath(analysis, ordinals);
  let smallCount = 0;
  const kept = groups.filter((group) => {
    const small = group.retainedBytes < (options.minRetainedBytes ?? 0);
    if (small) smallCount += group.count;
    return !small;
  });
  kept.sort((a, b) => b.retainedBytes - a.retainedBytes || b.count - a.count || a.pattern.localeCompare(b.pattern));
  const clusters = kept.slice(0, options.limit).map(
    (group): RetainerCluster => ({
      pattern: group.pattern,
      count: group.count,
      retainedBytes: group.retainedBytes,
      classNames: [...group.classes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name),
      representative: { object: objectRow(analysis, group.biggest), path: shortestRetainingPath(analysis, group.biggest).steps },
    }),
  );
  return { clusters, weakOnlyCount, smallCount };
}
