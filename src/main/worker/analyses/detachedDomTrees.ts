import type { PathStep } from '../../../shared/model/comparisons';
import type { Finding } from '../../../shared/model/findings';
import type { ObjectRow } from '../../../shared/model/heapSnapshots';
import { isDetached } from '../model/objectFilters';
import type { SnapshotAnalysis, SnapshotContext } from './analysis';
import { describeHolder } from './pathWords';

const MAX_SAMPLES = 5;

interface HeldTrees {
  /** The JS object keeping the trees and the path on from it. */
  holder?: { object: ObjectRow; onward: PathStep[] };
  roots: number[];
  path: PathStep[];
  nodeCount: number;
  retainedBytes: number;
  names: Map<string, number>;
}

/**
 * DOM nodes no longer in any document but still alive (Chrome), grouped into trees (a detached
 * node whose dominator is not detached is a tree's top; the detached nodes it dominates are its
 * tree) and the trees grouped by the JavaScript object that keeps them: the first JS object on
 * the tree's retaining path that is not a node's own wrapper. Any detached tree is flagged: a
 * page has no use for a node it removed and still holds. Node.js's own embedder objects
 * (`Node / …`), which V8 may also mark detached, are not DOM nodes and are left out.
 */
export const detachedDomTrees: SnapshotAnalysis = {
  kind: 'detached-dom',
  find(snapshot) {
    const byHolder = new Map<string, HeldTrees>();
    for (const [root, nodeCount] of detachedTrees(snapshot)) {
      const path = snapshot.pathOf(root);
      const holder = jsHolder(path);
      const key = holder ? `@${holder.object.id}` : '(no JavaScript holder)';
      let group = byHolder.get(key);
      if (!group) byHolder.set(key, (group = { holder, roots: [], path, nodeCount: 0, retainedBytes: 0, names: new Map() }));
      const row = snapshot.object(root);
      group.roots.push(root);
      group.nodeCount += nodeCount;
      group.retainedBytes += row.retainedSizeBytes;
      group.names.set(row.name, (group.names.get(row.name) ?? 0) + 1);
    }
    return [...byHolder.values()].map((group) => findingFor(snapshot, group));
  },
};

function findingFor(snapshot: SnapshotContext, group: HeldTrees): Finding {
  const by = group.holder ? ` held by ${group.holder.object.className}${describeHolder(group.holder.onward)}` : '';
  const trees = group.roots.length === 1 ? '1 detached DOM tree' : `${group.roots.length} detached DOM trees`;
  return {
    kind: 'detached-dom',
    title: `${trees} (${group.nodeCount} nodes)${by}`,
    bytesAtStake: group.retainedBytes,
    suggestion:
      'Drop the references to DOM nodes once they are removed from the page (clear the array or map that keeps them, or use a WeakRef / WeakMap), so the nodes and their listeners can be freed.',
    snapshotId: snapshot.snapshotId,
    evidence: {
      figures: { 'detached trees': group.roots.length, 'detached nodes': group.nodeCount, 'retained bytes': group.retainedBytes },
      object: group.holder?.object ?? snapshot.object(group.roots[0]!),
      path: group.path,
      samples: [...group.names]
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_SAMPLES)
        .map(([name, count]) => `${count} × ${name}`),
    },
  };
}

/** Each detached tree's top node, with how many detached nodes its tree has. */
function detachedTrees({ analysis }: SnapshotContext): Map<number, number> {
  const { graph, dominators } = analysis;
  const topOf = new Map<number, number>();
  const sizes = new Map<number, number>();
  const top = (ordinal: number): number => {
    let current = ordinal;
    const climbed: number[] = [];
    while (!topOf.has(current) && dominators[current] !== current && isDetached(analysis, dominators[current]!)) {
      climbed.push(current);
      current = dominators[current]!;
    }
    const found = topOf.get(current) ?? current;
    for (const node of climbed) topOf.set(node, found);
    topOf.set(current, found);
    return found;
  };
  for (let ordinal = 0; ordinal < graph.nodeCount; ordinal++) {
    if (!isDetached(analysis, ordinal)) continue;
    const root = top(ordinal);
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
  }
  return sizes;
}

/**
 * The first JavaScript object on the path that holds the tree, skipping a node's own wrapper
 * (a JS object holding a native DOM node by a V8-internal reference is its wrapper, not the
 * code that keeps it; newer snapshots merge the wrapper into the native node).
 */
function jsHolder(path: PathStep[]): HeldTrees['holder'] {
  let heldType = 'native';
  for (let k = 0; k < path.length; k++) {
    const { holder, edgeType } = path[k]!;
    const isJs = (holder.type === 'object' || holder.type === 'closure') && !holder.className.startsWith('system /');
    const isWrapper = heldType === 'native' && (edgeType === 'internal' || edgeType === 'hidden');
    if (isJs && !isWrapper) return { object: holder, onward: path.slice(k + 1) };
    heldType = holder.type;
  }
  return undefined;
}
