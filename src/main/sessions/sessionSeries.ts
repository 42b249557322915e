import { join } from 'node:path';
import { HeapdeckError } from '../../shared/contract/errors';
import { lttb } from '../../shared/lttb';
import type { Alert, GcEvent, MemorySample } from '../../shared/model/metrics';
import type { SessionSeries, SessionSummary } from '../../shared/model/sessions';
import { forEachNdjsonRecord } from './ndjsonLines';
import { SESSION_FILES } from './sessionPaths';

/** Which part of a session to read; all of it, at up to 2000 points, by default. */
export interface SeriesWindow {
  fromMs?: number;
  toMs?: number;
  maxPoints?: number;
}

const DEFAULT_MAX_POINTS = 2000;
const MAX_POINTS_LIMIT = 100_000;

interface TimeRange {
  fromMs: number;
  toMs: number;
}

/**
 * Reads a window of a recorded (or still recording) session from its NDJSON files, streaming
 * them line by line: samples downsampled with LTTB on heap used, GC events thinned to the
 * major ones plus the longest minor ones, and every alert.
 */
export async function readSessionSeries(session: SessionSummary, window: SeriesWindow = {}): Promise<SessionSeries> {
  const maxPoints = checkWindow(window);
  const range = { fromMs: window.fromMs ?? -Infinity, toMs: window.toMs ?? Infinity };
  const [samples, gcEvents, alerts] = await Promise.all([
    readSamples(join(session.dir, SESSION_FILES.samples), range, maxPoints),
    readGcEvents(join(session.dir, SESSION_FILES.gc), range, maxPoints),
    readAlerts(join(session.dir, SESSION_FILES.alerts), range),
  ]);
  return {
    session,
    fromMs: window.fromMs ?? session.startedAtMs,
    toMs: window.toMs ?? session.endedAtMs ?? samples.lastMs ?? session.startedAtMs,
    totalSamples: samples.total,
    samples: samples.kept,
    gcEvents,
    alerts,
  };
}

function checkWindow({ fromMs, toMs, maxPoints = DEFAULT_MAX_POINTS }: SeriesWindow): number {
  if (!Number.isInteger(maxPoints) || maxPoints < 2 || maxPoints > MAX_POINTS_LIMIT) {
    throw new HeapdeckError('INVALID_ARGUMENT', `maxPoints must be a whole number from 2 to ${MAX_POINTS_LIMIT}.`);
  }
  for (const value of [fromMs, toMs]) {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new HeapdeckError('INVALID_ARGUMENT', 'fromMs and toMs must be times in milliseconds.');
    }
  }
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
    throw new HeapdeckError('INVALID_ARGUMENT', 'The window ends before it starts: fromMs is after toMs.');
  }
  return maxPoints;
}

/**
 * Two passes, so memory stays small however long the session: the first keeps only line
 * number, time and heap used of each sample in the window and lets LTTB choose; the second
 * parses just the chosen lines. A window that fits in `maxPoints` is kept whole in one pass.
 */
async function readSamples(path: string, range: TimeRange, maxPoints: number) {
  const lines: number[] = [];
  const times: number[] = [];
  const heapUsed: number[] = [];
  let whole: MemorySample[] | undefined = [];
  await forEachNdjsonRecord(path, (record, lineIndex) => {
    if (!isSample(record) || !inRange(record.timestampMs, range)) return;
    lines.push(lineIndex);
    times.push(record.timestampMs);
    heapUsed.push(record.heapUsedBytes);
    whole?.push(record);
    if (whole && whole.length > maxPoints) whole = undefined;
  });
  const total = lines.length;
  const lastMs = times.length > 0 ? times[times.length - 1] : undefined;
  if (whole) return { kept: whole, total, lastMs };

  const indices = Array.from({ length: total }, (_, i) => i);
  const chosen = lttb(indices, maxPoints, (i) => times[i]!, (i) => heapUsed[i]!);
  const wanted = new Set(chosen.map((i) => lines[i]!));
  const kept: MemorySample[] = [];
  await forEachNdjsonRecord(
    path,
    (record) => {
      if (isSample(record)) kept.push(record);
    },
    (lineIndex) => wanted.has(lineIndex),
  );
  return { kept, total, lastMs };
}

/** All major and forced GCs in the window; minor ones fill what room is left, longest first. */
async function readGcEvents(path: string, range: TimeRange, maxPoints: number): Promise<GcEvent[]> {
  const major: GcEvent[] = [];
  let minor: GcEvent[] = [];
  const keepLongestMinor = (count: number) => {
    minor.sort((a, b) => b.durationMs - a.durationMs);
    minor = minor.slice(0, Math.max(0, count));
  };
  await forEachNdjsonRecord(path, (record) => {
    if (!isGcEvent(record) || !inRange(record.timestampMs, range)) return;
    if (record.kind === 'major' || record.forced) {
      major.push(record);
      return;
    }
    minor.push(record);
    // Thinning in rounds keeps memory bounded without sorting at every event.
    if (minor.length > 2 * maxPoints) keepLongestMinor(maxPoints);
  });
  if (major.length + minor.length > maxPoints) keepLongestMinor(maxPoints - major.length);
  return [...major, ...minor].sort((a, b) => a.timestampMs - b.timestampMs);
}

async function readAlerts(path: string, range: TimeRange): Promise<Alert[]> {
  const alerts: Alert[] = [];
  await forEachNdjsonRecord(path, (record) => {
    if (isTimed(record) && inRange(record.timestampMs, range)) alerts.push(record as Alert);
  });
  return alerts;
}

function inRange(timestampMs: number, { fromMs, toMs }: TimeRange): boolean {
  return timestampMs >= fromMs && timestampMs <= toMs;
}

function isTimed(record: unknown): record is { timestampMs: number } {
  return typeof record === 'object' && record !== null && typeof (record as { timestampMs?: unknown }).timestampMs === 'number';
}

function isSample(record: unknown): record is MemorySample {
  return isTimed(record) && typeof (record as { heapUsedBytes?: unknown }).heapUsedBytes === 'number';
}

function isGcEvent(record: unknown): record is GcEvent {
  return isTimed(record) && typeof (record as { durationMs?: unknown }).durationMs === 'number';
}
