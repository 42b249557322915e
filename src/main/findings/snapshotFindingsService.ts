import type { Finding } from '../../shared/model/findings';
import type { MemorySample } from '../../shared/model/metrics';
import type { SessionStore } from '../sessions/sessionStore';
import type { OpenSnapshots } from '../snapshots/openSnapshots';
import type { SnapshotLibrary } from '../snapshots/snapshotLibrary';
import { growingObjects, growthEvidence, type GrowingObject } from '../worker/analyses/growthSeries';
import { heapNearLimit } from '../worker/analyses/heapNearLimit';
import { SERIES_ANALYSES, type SeriesKind } from '../worker/analyses/seriesAnalyses';
import { checkedSnapshotIds } from './snapshotIdList';

/** Findings per series analysis at most: past that, the first ones say what to fix. */
const MAX_SERIES_FINDINGS = 20;
/** How far from the capture a session sample may be to stand for the heap at snapshot time. */
const SAMPLE_WINDOW_MS = 60_000;

export interface FindingsDependencies {
  snapshots: OpenSnapshots;
  library: SnapshotLibrary;
  sessions: SessionStore;
  /** Share of the heap limit that counts as near it (the alert settings' warning level). */
  nearLimitShare(): number;
}

/**
 * Automatic findings over a series of open snapshots (oldest first): the single-snapshot
 * analyses run in the last snapshot's worker; the series analyses have each worker measure
 * the objects the last snapshot holds and follow them by V8 id here. Most memory at stake first.
 */
export async function findFindings(deps: FindingsDependencies, snapshotIdsParam: unknown): Promise<Finding[]> {
  const snapshotIds = checkedSnapshotIds(snapshotIdsParam);
  const lastId = snapshotIds[snapshotIds.length - 1]!;
  const [single, series, nearLimit] = await Promise.all([
    deps.snapshots.call(lastId, 'findings', { snapshotId: lastId }),
    Promise.all((Object.keys(SERIES_ANALYSES) as SeriesKind[]).map((kind) => seriesFindings(deps.snapshots, snapshotIds, kind))),
    heapNearLimitFinding(deps, lastId),
  ]);
  return [...single, ...series.flat(), ...(nearLimit ? [nearLimit] : [])].sort((a, b) => b.bytesAtStake - a.bytesAtStake);
}

async function seriesFindings(snapshots: OpenSnapshots, snapshotIds: string[], kind: SeriesKind): Promise<Finding[]> {
  const analysis = SERIES_ANALYSES[kind];
  const lastId = snapshotIds[snapshotIds.length - 1]!;
  if (snapshotIds.length < 3) return [];
  const lastMeasures = (await snapshots.call(lastId, 'seriesMeasures', { kind })).filter((measure) => measure !== null);
  if (!lastMeasures.length) return [];
  const ids = lastMeasures.map((measure) => measure.id);
  const earlier = await Promise.all(snapshotIds.slice(0, -1).map((snapshotId) => snapshots.call(snapshotId, 'seriesMeasures', { kind, ids })));
  const growing = growingObjects(analysis, lastMeasures, earlier).slice(0, MAX_SERIES_FINDINGS);
  return Promise.all(growing.map((object) => seriesFinding(snapshots, lastId, kind, object)));
}

async function seriesFinding(snapshots: OpenSnapshots, lastId: string, kind: SeriesKind, growing: GrowingObject): Promise<Finding> {
  const { object, path } = await snapshots.call(lastId, 'findingEvidence', { id: growing.last.id });
  const { title, suggestion, countLabel } = SERIES_ANALYSES[kind].describe(object, growing.counts, growing.last, path);
  return {
    kind,
    title,
    bytesAtStake: growing.last.retainedBytes,
    suggestion,
    snapshotId: lastId,
    evidence: { ...growthEvidence(countLabel, growing), object, path, ...(growing.last.notes ? { samples: growing.last.notes } : {}) },
  };
}

/** Heap near its limit, for a snapshot taken during a watch (see heapNearLimit.ts). */
async function heapNearLimitFinding(deps: FindingsDependencies, snapshotId: string): Promise<Finding | undefined> {
  const path = deps.snapshots.pathOf(snapshotId);
  if (!path) return undefined;
  const entry = (await deps.library.list()).find((candidate) => candidate.path === path);
  if (!entry?.sessionId) return undefined;
  const series = await deps.sessions
    .readSeries(entry.sessionId, { fromMs: entry.takenAtMs - SAMPLE_WINDOW_MS, toMs: entry.takenAtMs + SAMPLE_WINDOW_MS, maxPoints: 100_000 })
    .catch(() => undefined);
  let nearest: MemorySample | undefined;
  for (const sample of series?.samples ?? []) {
    if (!sample.heapLimitBytes) continue;
    if (!nearest || Math.abs(sample.timestampMs - entry.takenAtMs) < Math.abs(nearest.timestampMs - entry.takenAtMs)) nearest = sample;
  }
  return heapNearLimit(snapshotId, nearest, deps.nearLimitShare());
}
