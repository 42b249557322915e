import type { Finding } from '../../../shared/model/findings';
import type { SnapshotAnalysis, SnapshotContext } from './analysis';
import { closuresHoldingMemory } from './closuresHoldingMemory';
import { detachedDomTrees } from './detachedDomTrees';
import { dominantObject } from './dominantObject';
import { duplicateStringWaste } from './duplicateStringWaste';
import { pinnedParentStrings } from './pinnedParentStrings';

export interface SnapshotFindingsOptions {
  /** Share of the heap (0..1) one object may retain before it is a finding; see dominantObject.ts. */
  dominantShare?: number;
}

/** The analyses that need one snapshot only (run on the last snapshot of a series). */
export function snapshotAnalyses(options: SnapshotFindingsOptions = {}): SnapshotAnalysis[] {
  return [duplicateStringWaste, detachedDomTrees, pinnedParentStrings, closuresHoldingMemory, dominantObject(options.dominantShare)];
}

/** Every single-snapshot finding of one snapshot, most memory at stake first. */
export function snapshotFindings(snapshot: SnapshotContext, options: SnapshotFindingsOptions = {}): Finding[] {
  return snapshotAnalyses(options)
    .flatMap((analysis) => analysis.find(snapshot))
    .sort((a, b) => b.bytesAtStake - a.bytesAtStake);
}
