import { formatBytes } from '../../../shared/format/bytes';
import type { Finding } from '../../../shared/model/findings';
import type { SnapshotAnalysis, SnapshotContext } from './analysis';
import { describeHolder } from './pathWords';

/** The share of the heap one object may retain before it is a finding (20 %). */
export const DEFAULT_DOMINANT_SHARE = 0.2;
/** Small heaps are dominated by something or other; below this nothing is worth a finding. */
export const MIN_DOMINANT_BYTES = 1024 * 1024;

/**
 * A single object that retains more than `share` of the heap. Every object above it on its
 * dominator chain retains at least as much (the global object, the native context), so only the
 * deepest such object of each chain is reported, and only objects a program can name: not V8's
 * internal arrays, code and `system /` objects, not the synthetic roots, not the global objects.
 */
export function dominantObject(share = DEFAULT_DOMINANT_SHARE): SnapshotAnalysis {
  return {
    kind: 'dominant-object',
    find(snapshot) {
      const { graph, retainedSizes, dominators, totalSizeBytes } = snapshot.analysis;
      const threshold = Math.max(MIN_DOMINANT_BYTES, share * totalSizeBytes);
      const candidates: number[] = [];
      for (let ordinal = 0; ordinal < graph.nodeCount; ordinal++) {
        if (retainedSizes[ordinal]! >= threshold && isNameable(snapshot, ordinal)) candidates.push(ordinal);
      }
      // An object with a candidate below it on the dominator tree is not the deepest one.
      const above = new Set<number>();
      for (const ordinal of candidates) {
        for (let current = dominators[ordinal]!; !above.has(current); current = dominators[current]!) {
          above.add(current);
          if (dominators[current] === current) break;
        }
      }
      return candidates.filter((ordinal) => !above.has(ordinal)).map((ordinal) => findingFor(snapshot, ordinal, totalSizeBytes));
    },
  };
}

function findingFor(snapshot: SnapshotContext, ordinal: number, totalBytes: number): Finding {
  const object = snapshot.object(ordinal);
  const path = snapshot.pathOf(ordinal);
  const percent = Math.round((object.retainedSizeBytes / totalBytes) * 100);
  return {
    kind: 'dominant-object',
    title: `One ${object.className}${describeHolder(path)} retains ${percent} % of the heap (${formatBytes(object.retainedSizeBytes)})`,
    bytesAtStake: object.retainedSizeBytes,
    suggestion:
      'Check that this object should hold that much: page or stream its contents, keep less per entry, or let go of it when the work it serves ends.',
    snapshotId: snapshot.snapshotId,
    evidence: {
      figures: { 'retained bytes': object.retainedSizeBytes, 'heap bytes': totalBytes, 'percent of heap': percent },
      object,
      path,
    },
  };
}

const SYSTEM_PREFIX = 'system /';

function isNameable({ analysis }: SnapshotContext, ordinal: number): boolean {
  const { graph } = analysis;
  const { nodeTypes, types } = graph;
  const type = nodeTypes[ordinal];
  if (type === types.synthetic || type === types.hidden || type === types.array || type === types.code || type === types.native) return false;
  if (isGlobalObject(analysis.graph, ordinal)) return false;
  return !graph.strings.get(graph.nodeNames[ordinal]!).startsWith(SYSTEM_PREFIX);
}

/** The root marks each global object (`global`, `Window`) with a shortcut edge. */
function isGlobalObject(graph: SnapshotContext['analysis']['graph'], ordinal: number): boolean {
  const { firstEdges, edgeTypes, edgeTargets, types, rootOrdinal } = graph;
  for (let edge = firstEdges[rootOrdinal]!, end = firstEdges[rootOrdinal + 1]!; edge < end; edge++) {
    if (edgeTypes[edge] === types.edgeShortcut && edgeTargets[edge] === ordinal) return true;
  }
  return false;
}
