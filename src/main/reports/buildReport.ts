import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { version as heapdeckVersion } from '../../../package.json';
import type { ApiClient } from '../../shared/contract/client';
import { HeapdeckError } from '../../shared/contract/errors';
import { leakTriple } from '../../shared/leakTriple';
import type { Budget } from '../../shared/model/findings';
import type { OpenedSnapshotInfo } from '../../shared/model/heapSnapshots';
import {
  REPORT_SCHEMA_VERSION,
  type HeapdeckReport,
  type ReportComparison,
  type ReportKind,
  type ReportSnapshotFile,
  type ReportSnapshotSummary,
} from '../../shared/model/report';
import type { SnapshotEntry } from '../../shared/model/snapshotLibrary';
import type { CliContext } from '../cli/cliContext';
import { openSnapshotFiles, type OpenedLookup } from '../cli/openSnapshotFiles';
import { readSessionTimeline } from './sessionTimeline';

/** What a report is made from: snapshot files (oldest first), or a recorded session (by folder or id). */
export type ReportSource = { files: string[] } | { sessionDir: string } | { sessionId: string };

export interface ReportOptions {
  /** How many classes (summary, comparison, trend) and paths each table keeps. */
  top: number;
  budgets?: Budget[];
  /** Snapshots the app has open, used as they are (see `openSnapshotFiles`). */
  alreadyOpen?: OpenedLookup;
  /** False when the files are thrown away afterwards: no analysis cache is written beside them. */
  cache?: boolean;
}

/**
 * Gathers a report through the API, as the app would show it: opens the snapshots (skipping
 * unreadable files), reads summaries, the comparison or the trend and leak candidates, the
 * findings and the budgets, then closes what it opened.
 */
export async function buildReport(
  context: Pick<CliContext, 'api' | 'err' | 'progress'>,
  source: ReportSource,
  options: ReportOptions,
): Promise<HeapdeckReport> {
  const { api } = context;
  const sessionId = 'sessionDir' in source ? await sessionIdOf(api, source.sessionDir) : 'sessionId' in source ? source.sessionId : undefined;
  const sessionEntries = sessionId ? await sessionSnapshots(api, sessionId) : [];
  const paths = 'files' in source ? source.files : sessionEntries.map((entry) => entry.path);
  if (!paths.length) throw new HeapdeckError('NOT_FOUND', `The session ${sessionId} has no snapshots to report on.`);

  const opened = await openSnapshotFiles(context, paths, { alreadyOpen: options.alreadyOpen, cache: options.cache });
  try {
    const ids = opened.snapshots.map((snapshot) => snapshot.snapshotId);
    const kind: ReportKind = ids.length === 1 ? 'snapshot' : ids.length === 2 ? 'comparison' : 'trend';
    const library = await api.call('listSnapshots', {});
    const trend = kind === 'trend' ? await api.call('getTrend', { snapshotIds: ids }) : undefined;
    const triple = kind === 'trend' ? leakTriple(ids) : undefined;
    return {
      schemaVersion: REPORT_SCHEMA_VERSION,
      heapdeckVersion,
      generatedAtMs: Date.now(),
      kind,
      snapshots: await Promise.all(opened.snapshots.map((info) => snapshotFile(info, library))),
      skipped: opened.skipped,
      ...(sessionId ? { session: await readSessionTimeline(api, sessionId, sessionEntries) } : {}),
      summaries: await Promise.all(opened.snapshots.map((info) => summarize(api, info, options.top))),
      ...(kind === 'comparison' ? { comparison: await compare(api, ids[0]!, ids[1]!, options.top) } : {}),
      ...(trend ? { trend: { ...trend, classes: trend.classes.slice(0, options.top), paths: trend.paths.slice(0, options.top) } } : {}),
      ...(triple
        ? { leaks: await api.call('findLeaks', { baselineSnapshotId: triple.baseline, targetSnapshotId: triple.target, finalSnapshotId: triple.final }) }
        : {}),
      findings: await api.call('getFindings', { snapshotIds: ids }),
      ...(options.budgets ? { budgets: await api.call('checkBudgets', { snapshotIds: ids, budgets: options.budgets }) } : {}),
    };
  } finally {
    await opened.closeAll();
  }
}

// Sessions are read through the API, which knows only the data folder's own sessions.
async function sessionIdOf(api: ApiClient, dir: string): Promise<string> {
  const session = (await api.call('listSessions', {})).find((candidate) => resolve(candidate.dir) === resolve(dir));
  if (!session) throw new HeapdeckError('NOT_FOUND', `${dir} is not a session folder of this Heapdeck data folder (set HEAPDECK_HOME to use another).`);
  return session.sessionId;
}

async function sessionSnapshots(api: ApiClient, sessionId: string): Promise<SnapshotEntry[]> {
  const entries = await api.call('listSnapshots', {});
  return entries.filter((entry) => entry.sessionId === sessionId && !entry.missing).sort((a, b) => a.takenAtMs - b.takenAtMs);
}

// The library knows when a session's capture ended; a file from elsewhere has only its mtime.
async function snapshotFile(info: OpenedSnapshotInfo, library: SnapshotEntry[]): Promise<ReportSnapshotFile> {
  const entry = library.find((candidate) => candidate.path === resolve(info.path));
  const file = entry ? { sizeBytes: entry.sizeBytes, takenAtMs: entry.takenAtMs } : await stat(info.path).then((stats) => ({ sizeBytes: stats.size, takenAtMs: stats.mtimeMs }));
  return {
    snapshotId: info.snapshotId,
    path: info.path,
    sizeBytes: file.sizeBytes,
    takenAtMs: file.takenAtMs,
    nodeCount: info.nodeCount,
    totalSizeBytes: info.totalSizeBytes,
  };
}

async function summarize(api: ApiClient, info: OpenedSnapshotInfo, top: number): Promise<ReportSnapshotSummary> {
  const classes = await api.call('getSnapshotClasses', { snapshotId: info.snapshotId, limit: top, sortBy: 'retainedSizeBytes' });
  return {
    snapshotId: info.snapshotId,
    nodeCount: info.nodeCount,
    edgeCount: info.edgeCount,
    classCount: info.classCount,
    totalSizeBytes: info.totalSizeBytes,
    statistics: info.statistics,
    topClasses: classes.items,
  };
}

// The biggest changes either way: the top growers and the top shrinkers, ordered by |Δ retained|.
async function compare(api: ApiClient, baseSnapshotId: string, targetSnapshotId: string, top: number): Promise<ReportComparison> {
  const info = await api.call('compareSnapshots', { baseSnapshotId, targetSnapshotId });
  const page = (ascending: boolean) =>
    api.call('getComparisonClasses', { comparisonId: info.comparisonId, limit: top, sortBy: 'deltaRetainedBytes', ascending });
  const [grown, shrunk] = await Promise.all([page(false), page(true)]);
  const byName = new Map([...grown.items, ...shrunk.items].map((row) => [row.name, row]));
  const classes = [...byName.values()].sort((a, b) => Math.abs(b.deltaRetainedBytes) - Math.abs(a.deltaRetainedBytes)).slice(0, top);
  return { info, classes };
}
