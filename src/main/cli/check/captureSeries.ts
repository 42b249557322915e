import { basename, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { formatBytes } from '../../../shared/format/bytes';
import type { AttachRequest } from '../../../shared/model/targets';
import type { WatchInfo } from '../../../shared/model/watches';
import type { CliContext } from '../cliContext';
import { describeSnapshotProgress } from '../snapshotProgressLine';
import { runScenario } from './scenarioRunner';

/** A watch learns that its target died a moment after a capture fails (it checks the exit first). */
const EXIT_NOTICE_MS = 3000;

export interface SeriesPlan {
  request: AttachRequest;
  snapshots: number;
  /** The least time from one round's start (scenario, then waiting) to the next snapshot. */
  intervalMs: number;
  /** Absolute path of the scenario script, run once before each snapshot. */
  scenarioPath?: string;
  /** Where the snapshot files go (absolute, existing). */
  snapshotsDir: string;
}

export interface CapturedSnapshot {
  path: string;
  sizeBytes: number;
  /** The target's heap used right after the forced GC that preceded the capture. */
  heapUsedAfterGcBytes: number;
}

/** Why a series stopped before its last snapshot. */
export type SeriesStop =
  | { kind: 'target-ended'; reason: string }
  | { kind: 'interrupted' }
  | { kind: 'scenario-failed'; iteration: number; reason: string };

export interface SeriesOutcome {
  watch: WatchInfo;
  /** Oldest first; every file here is complete and kept, even when the series stopped. */
  snapshots: CapturedSnapshot[];
  stopped?: SeriesStop;
}

/**
 * Attaches and takes a series of snapshots, each after a full GC, a round apart: a round runs
 * the scenario (if any; round 0 is a warm-up before the baseline) and waits out the interval.
 * Stops early, keeping what it wrote, when the target ends, the scenario fails or Ctrl-C comes;
 * always detaches, which stops a launched app.
 */
export async function captureSeries(context: CliContext, plan: SeriesPlan): Promise<SeriesOutcome> {
  const { api } = context;
  const watch = await api.call('attach', { request: plan.request });
  const { watchId } = watch;
  const abort = new AbortController();
  let stopped: SeriesStop | undefined;
  const halt = (reason: SeriesStop) => {
    stopped ??= reason;
    abort.abort();
  };
  let current = 0;
  const unsubscribe = [
    api.on('watchStatus', (event) => {
      if (event.watchId === watchId && event.status !== 'watching') halt({ kind: 'target-ended', reason: event.reason ?? event.status });
    }),
    api.on('log', (line) => {
      if (line.watchId === watchId) context.err(`[app] ${line.text}`);
    }),
    api.on('snapshotProgress', (progress) => {
      if (progress.watchId === watchId) context.progress(`snapshot ${current}/${plan.snapshots}: ${describeSnapshotProgress(progress)}`);
    }),
  ];
  void context.interrupted.then(() => {
    halt({ kind: 'interrupted' });
    // Cancelling deletes the partial file of a capture under way.
    void api.call('cancelSnapshot', { watchId }).catch(() => undefined);
  });
  describeTarget(context, watch);

  const snapshots: CapturedSnapshot[] = [];
  try {
    // The target may have gone before the status listener was there to hear it.
    const live = (await api.call('listWatches', {})).find((candidate) => candidate.watchId === watchId);
    if (live && live.status !== 'watching') halt({ kind: 'target-ended', reason: live.endReason ?? live.status });
    for (let index = 0; index < plan.snapshots && !stopped; index++) {
      const roundStartMs = Date.now();
      current = index + 1;
      if (plan.scenarioPath) {
        context.err(index === 0 ? 'scenario: warm-up run' : `scenario: run ${index} of ${plan.snapshots - 1}`);
        const outcome = await runScenario({
          scriptPath: plan.scenarioPath,
          cwd: process.cwd(),
          iteration: index,
          iterations: plan.snapshots,
          ...(watch.target.pid !== undefined ? { targetPid: watch.target.pid } : {}),
          onLine: (text) => context.err(`[scenario] ${text}`),
          signal: abort.signal,
        });
        if (!outcome.ok) halt({ kind: 'scenario-failed', iteration: index, reason: outcome.reason });
      }
      const waitMs = plan.intervalMs - (Date.now() - roundStartMs);
      if (!stopped && waitMs > 0 && !plan.scenarioPath) context.err(`waiting ${formatSeconds(waitMs)} before snapshot ${current}/${plan.snapshots}`);
      await pause(waitMs, abort.signal);
      if (stopped) break;
      const { sample } = await api.call('collectGarbage', { watchId });
      if (stopped) break;
      const path = join(plan.snapshotsDir, `snapshot-${current}.heapsnapshot`);
      const file = await api.call('takeSnapshot', { watchId, path, options: { collectGarbageFirst: false } });
      context.progress('');
      snapshots.push({ path: file.path, sizeBytes: file.sizeBytes, heapUsedAfterGcBytes: sample.heapUsedBytes });
      context.err(
        `snapshot ${current}/${plan.snapshots}: heap ${formatBytes(sample.heapUsedBytes)} after GC, ` +
          `wrote ${basename(file.path)} (${formatBytes(file.sizeBytes)}) in ${formatSeconds(file.durationMs)}`,
      );
    }
  } catch (error) {
    if (!stopped) await Promise.race([delay(EXIT_NOTICE_MS), new Promise((done) => abort.signal.addEventListener('abort', done, { once: true }))]);
    if (!stopped) throw error;
  } finally {
    unsubscribe.forEach((stop) => stop());
    context.progress('');
    await api.call('detach', { watchId }).catch(() => undefined);
  }
  return { watch, snapshots, ...(stopped ? { stopped } : {}) };
}

function describeTarget(context: CliContext, watch: WatchInfo): void {
  const { target } = watch;
  context.err(`Checking ${target.title} (${target.kind}${target.pid !== undefined ? `, pid ${target.pid}` : ''}).`);
  for (const note of watch.notes) context.err(`  ${note}`);
}

/** Waits, or stops waiting as soon as the check is halted. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    }
  });
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
