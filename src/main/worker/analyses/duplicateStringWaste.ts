import { formatBytes } from '../../../shared/format/bytes';
import type { Finding } from '../../../shared/model/findings';
import { duplicatedStrings } from '../model/duplicatedStrings';
import { displayName, edgeName } from '../model/nodeNames';
import type { SnapshotAnalysis, SnapshotContext } from './analysis';
import { forEachHolder } from './holders';

/** Below this much memory spent on second copies the finding is not worth a reader's time. */
export const MIN_WASTED_BYTES = 1024 * 1024;
const TOP_VALUES = 5;
const SAMPLE_CHARS = 80;
const HOLDER_SAMPLE = 1000;

interface CopyGroup {
  value: string;
  copies: number[];
  totalBytes: number;
  largestBytes: number;
}

/**
 * Strings held in many copies of one value (DevTools' "Duplicated strings", see
 * duplicatedStrings.ts). What they waste is every copy but the largest: what interning or
 * reusing one instance would save. One finding for the whole snapshot when that reaches
 * MIN_WASTED_BYTES, with the top values and who holds their copies.
 */
export const duplicateStringWaste: SnapshotAnalysis = {
  kind: 'duplicated-strings',
  find(snapshot) {
    const groups = copyGroups(snapshot);
    const wastedOf = (group: CopyGroup) => group.totalBytes - group.largestBytes;
    const wastedBytes = groups.reduce((sum, group) => sum + wastedOf(group), 0);
    if (wastedBytes < MIN_WASTED_BYTES) return [];
    groups.sort((a, b) => wastedOf(b) - wastedOf(a));
    const top = groups[0]!;
    const finding: Finding = {
      kind: 'duplicated-strings',
      title: `${groups.length} string values are held in several copies, wasting ${formatBytes(wastedBytes)}`,
      bytesAtStake: wastedBytes,
      suggestion:
        'Keep one instance of each repeated value (reuse a constant, intern through a Map, or store an id) instead of building the same string again for every object.',
      snapshotId: snapshot.snapshotId,
      evidence: {
        figures: {
          'wasted bytes': wastedBytes,
          'duplicated values': groups.length,
          'duplicate copies': groups.reduce((sum, group) => sum + group.copies.length, 0),
          'copies of the top value': top.copies.length,
          'wasted by the top value': wastedOf(top),
        },
        object: snapshot.object(top.copies[0]!),
        path: snapshot.pathOf(top.copies[0]!),
        samples: [
          ...groups.slice(0, TOP_VALUES).map((group) => `${group.copies.length} × ${JSON.stringify(shorten(group.value))} (${formatBytes(wastedOf(group))} wasted)`),
          ...holdersOf(snapshot, top.copies),
        ],
      },
    };
    return [finding];
  },
};

function copyGroups({ analysis }: SnapshotContext): CopyGroup[] {
  const { graph, known } = analysis;
  const selection = duplicatedStrings(graph, known);
  const byValue = new Map<string, CopyGroup>();
  for (let ordinal = 0; ordinal < graph.nodeCount; ordinal++) {
    if (!selection.get(ordinal)) continue;
    const value = displayName(graph, known, ordinal);
    let group = byValue.get(value);
    if (!group) byValue.set(value, (group = { value, copies: [], totalBytes: 0, largestBytes: 0 }));
    const size = graph.selfSizes[ordinal]!;
    group.copies.push(ordinal);
    group.totalBytes += size;
    group.largestBytes = Math.max(group.largestBytes, size);
  }
  return [...byValue.values()];
}

/** "held by Entry.label: 5000 copies", from the references to (a sample of) the copies. */
function holdersOf({ analysis }: SnapshotContext, copies: number[]): string[] {
  const { graph, classes } = analysis;
  const counts = new Map<string, number>();
  for (const copy of copies.slice(0, HOLDER_SAMPLE)) {
    forEachHolder(analysis, copy, (holder, edge) => {
      const className = classes.table.classes[classes.classIds[holder]!]!.name;
      const key = graph.edgeTypes[edge] === graph.types.edgeElement ? `${className}[]` : `${className}.${edgeName(graph, edge)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
  }
  const sampled = copies.length > HOLDER_SAMPLE ? ` (of the first ${HOLDER_SAMPLE})` : '';
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_VALUES)
    .map(([holder, count]) => `held by ${holder}: ${count} copies${sampled}`);
}

function shorten(value: string): string {
  return value.length > SAMPLE_CHARS ? `${value.slice(0, SAMPLE_CHARS)}…` : value;
}
