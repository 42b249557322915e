import type { ObjectExport } from './objectExport';

/** Two snapshots' objects matched by V8 id: the `new` ones (positions in the target export) and the deleted ones (in the base). */
export interface IdMatch {
  /** Whether the ids mean the same objects on both sides; when not, `warning` says why (one sentence, no conclusion). */
  matchedById: boolean;
  warning?: string;
  /** Positions of listed objects (non-zero shallow size) only in the target. */
  newPositions: Uint32Array;
  /** Positions of listed objects only in the base. */
  deletedPositions: Uint32Array;
  matchedCount: number;
  /** Objects with one id on both sides but different class names. */
  renamedCount: number;
}

// One object keeps its class for life: more than this share of shared ids with another class
// name means the ids name other objects (ids reset, or another process).
const MAX_RENAMED_SHARE = 0.02;
// Below this many shared ids the share says little; none at all between two non-empty
// snapshots of one process means every object was replaced, which ids reset explains better.
const MIN_MATCHED_FOR_SHARE = 100;

/** Merges the two id-sorted exports. */
export function matchById(base: ObjectExport, target: ObjectExport): IdMatch {
  const baseNames = base.totals.names;
  const targetNames = target.totals.names;
  const created: number[] = [];
  const deleted: number[] = [];
  let matchedCount = 0;
  let renamedCount = 0;
  let b = 0;
  let t = 0;
  const baseLength = base.ids.length;
  const targetLength = target.ids.length;
  while (b < baseLength || t < targetLength) {
    const baseId = b < baseLength ? base.ids[b]! : Infinity;
    const targetId = t < targetLength ? target.ids[t]! : Infinity;
    if (baseId === targetId) {
      matchedCount++;
      if (baseNames[base.nameIndexes[b]!] !== targetNames[target.nameIndexes[t]!]) renamedCount++;
      b++;
      t++;
    } else if (targetId < baseId) {
      if (target.selfSizes[t]! > 0) created.push(t);
      t++;
    } else {
      if (base.selfSizes[b]! > 0) deleted.push(b);
      b++;
    }
  }
  const warning = idWarning(base, target, matchedCount, renamedCount);
  return {
    matchedById: warning === undefined,
    ...(warning ? { warning } : {}),
    newPositions: Uint32Array.from(created),
    deletedPositions: Uint32Array.from(deleted),
    matchedCount,
    renamedCount,
  };
}

/** Why ids cannot be compared, or undefined when they can. */
function idWarning(base: ObjectExport, target: ObjectExport, matchedCount: number, renamedCount: number): string | undefined {
  if (target.maxObjectId < base.maxObjectId) {
    return `Object ids went back (the newer snapshot's highest id @${target.maxObjectId} is below the older one's @${base.maxObjectId}): the ids were reset (the inspector was detached in between) or the snapshots come from different processes.`;
  }
  if (matchedCount === 0 && base.ids.length > 0 && target.ids.length > 0) {
    return `The snapshots share no object ids: they come from different processes, or the ids were reset.`;
  }
  if (matchedCount >= MIN_MATCHED_FOR_SHARE && renamedCount > matchedCount * MAX_RENAMED_SHARE) {
    const share = Math.round((renamedCount / matchedCount) * 100);
    return `${share} % of the object ids found in both snapshots belong to objects of different classes: the snapshots come from different processes or the ids were reset.`;
  }
  return undefined;
}
