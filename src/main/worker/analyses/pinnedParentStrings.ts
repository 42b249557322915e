import { formatBytes } from '../../../shared/format/bytes';
import type { Finding } from '../../../shared/model/findings';
import type { SnapshotAnalysis, SnapshotContext } from './analysis';
import { forEachHolder } from './holders';

/** A parent string smaller than this is not worth a finding, however small its slices. */
export const MIN_PARENT_BYTES = 64 * 1024;
const PREVIEW_CHARS = 60;

/**
 * Large strings kept alive only by small slices of them. V8 makes `s.slice()`, `substring` and
 * the like of 13 characters or more a "sliced string": a small object pointing into its parent,
 * which then lives as long as any slice does (V8's counterpart of a small sub-binary holding a
 * large binary). Flagged when every reference to a parent of at least MIN_PARENT_BYTES comes
 * from sliced strings: dropping or copying the slices frees the parent. (Concatenated strings
 * hold whole parts, never more than their own value, so they pin nothing extra.) V8 does not
 * record a slice's length, so the slices' own sizes stand for their share.
 */
export const pinnedParentStrings: SnapshotAnalysis = {
  kind: 'pinned-parent-string',
  find(snapshot) {
    const findings: Finding[] = [];
    for (const [parent, slices] of slicesByParent(snapshot)) {
      const parentBytes = snapshot.analysis.graph.selfSizes[parent]!;
      if (parentBytes < MIN_PARENT_BYTES || !onlySlicesHold(snapshot, parent)) continue;
      findings.push(findingFor(snapshot, parent, slices));
    }
    return findings;
  },
};

function findingFor(snapshot: SnapshotContext, parent: number, slices: number[]): Finding {
  const { graph } = snapshot.analysis;
  const parentBytes = graph.selfSizes[parent]!;
  const sliceBytes = slices.reduce((sum, slice) => sum + graph.selfSizes[slice]!, 0);
  const preview = graph.strings.get(graph.nodeNames[parent]!).slice(0, PREVIEW_CHARS);
  const plural = slices.length === 1 ? 'slice' : 'slices';
  return {
    kind: 'pinned-parent-string',
    title: `A ${formatBytes(parentBytes)} string is kept alive only by ${slices.length} small ${plural} of it`,
    bytesAtStake: parentBytes,
    suggestion:
      'Copy the part you keep into a new string (in Node, Buffer.from(part).toString()) instead of storing a slice, so the large string it came from can be freed.',
    snapshotId: snapshot.snapshotId,
    evidence: {
      figures: { 'parent string bytes': parentBytes, slices: slices.length, 'slice bytes': sliceBytes, 'parent bytes per slice byte': Math.round(parentBytes / Math.max(1, sliceBytes)) },
      object: snapshot.object(slices[0]!),
      path: snapshot.pathOf(slices[0]!),
      samples: [`parent: ${JSON.stringify(preview)}…`],
    },
  };
}

function slicesByParent({ analysis }: SnapshotContext): Map<number, number[]> {
  const { graph, known } = analysis;
  const { nodeTypes, firstEdges, edgeTypes, edgeNames, edgeTargets, types } = graph;
  const byParent = new Map<number, number[]>();
  if (types.slicedString < 0) return byParent;
  for (let ordinal = 0; ordinal < graph.nodeCount; ordinal++) {
    if (nodeTypes[ordinal] !== types.slicedString) continue;
    for (let edge = firstEdges[ordinal]!, end = firstEdges[ordinal + 1]!; edge < end; edge++) {
      if (edgeTypes[edge] !== types.edgeInternal || !known.is('parent', edgeNames[edge]!)) continue;
      const parent = edgeTargets[edge]!;
      const slices = byParent.get(parent);
      if (slices) slices.push(ordinal);
      else byParent.set(parent, [ordinal]);
    }
  }
  return byParent;
}

function onlySlicesHold({ analysis }: SnapshotContext, parent: number): boolean {
  const { nodeTypes, types } = analysis.graph;
  let only = true;
  forEachHolder(analysis, parent, (holder) => (only = nodeTypes[holder] === types.slicedString));
  return only;
}
