import { mkdir, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HeapdeckError } from '../../../shared/contract/errors';
import type { Budget } from '../../../shared/model/findings';
import type { HeapdeckReport } from '../../../shared/model/report';
import { writeFileAtomic } from '../../os/writeFileAtomic';
import { budgetLabel } from '../../reports/budgetLabel';
import { buildReport } from '../../reports/buildReport';
import { REPORT_WRITERS } from '../../reports/reportFormats';
import { captureSeries, type SeriesOutcome, type SeriesStop } from '../check/captureSeries';
import type { CheckOptions } from '../check/checkOptions';
import { printCheckResult, type CheckResult } from '../check/checkSummary';
import { judgeReport } from '../check/checkVerdict';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';
import { readBudgets } from '../readBudgets';

const REPORT_TOP = 20;

/**
 * The headless memory check for CI: launches or attaches to an app, drives the scenario (or
 * waits) and takes a series of snapshots after full GCs, then judges findings, leak candidates
 * and budgets over the series through the same report builder as `heapdeck report`. Exits 4 when
 * a budget fails, 5 when a leak is found, 3 when the target went away first.
 */
export async function checkCommand(context: CliContext, options: CheckOptions): Promise<number> {
  // Every input is checked before the app starts, so a typo costs no launch.
  const budgets = options.budgetPath === undefined ? undefined : await readBudgets(options.budgetPath);
  if (options.scenarioPath !== undefined && !(await stat(options.scenarioPath).then((info) => info.isFile(), () => false))) {
    throw new HeapdeckError('INVALID_ARGUMENT', `--scenario ${options.scenarioPath}: no such file.`);
  }
  if (options.report) await mkdir(dirname(options.report.path), { recursive: true });
  const snapshotsDir = options.outDir ?? (await mkdtemp(join(tmpdir(), 'heapdeck-check-')));
  await mkdir(snapshotsDir, { recursive: true });
  context.err(`Snapshots go to ${snapshotsDir}`);

  const series = await captureSeries(context, {
    request: options.request,
    snapshots: options.snapshots,
    intervalMs: options.intervalMs,
    snapshotsDir,
    ...(options.scenarioPath !== undefined ? { scenarioPath: options.scenarioPath } : {}),
  });
  const result = series.stopped
    ? await stoppedResult(context, series, series.stopped, snapshotsDir, options, budgets)
    : await judgedResult(context, series, snapshotsDir, options, budgets);
  printCheckResult(context, result, options.json);
  return result.exitCode;
}

async function judgedResult(
  context: CliContext,
  series: SeriesOutcome,
  snapshotsDir: string,
  options: CheckOptions,
  budgets: Budget[] | undefined,
): Promise<CheckResult> {
  const report = await writeReport(context, series, options, budgets);
  const verdict = judgeReport(report);
  return {
    outcome: verdict.outcome,
    exitCode: verdict.exitCode,
    ...baseResult(series, snapshotsDir, report),
    leaks: verdict.leaks,
    budgets: (report.budgets ?? []).map((result) => ({
      label: budgetLabel(result.budget),
      pass: result.pass,
      highestBytes: highest(result.perSnapshot.map((verdict) => verdict.valueBytes)),
    })),
    findings: report.findings.map(({ kind, title, bytesAtStake }) => ({ kind, title, bytesAtStake })),
    ...(options.report ? { report: options.report } : {}),
  };
}

/**
 * The report of the series, written when asked for: the watch's session holds exactly this
 * check's snapshots and gives the report its timeline. No analysis cache goes beside the
 * snapshots: it would take as much room again in the CI artifacts, for an open that may never come.
 */
async function writeReport(context: CliContext, series: SeriesOutcome, options: CheckOptions, budgets: Budget[] | undefined): Promise<HeapdeckReport> {
  const report = await buildReport(context, { sessionId: series.watch.sessionId }, { top: REPORT_TOP, cache: false, ...(budgets ? { budgets } : {}) });
  if (options.report) {
    await writeFileAtomic(options.report.path, REPORT_WRITERS[options.report.format](report));
    context.err(`Wrote the ${options.report.format} report to ${options.report.path}`);
  }
  return report;
}

async function stoppedResult(
  context: CliContext,
  series: SeriesOutcome,
  stop: SeriesStop,
  snapshotsDir: string,
  options: CheckOptions,
  budgets: Budget[] | undefined,
): Promise<CheckResult> {
  const { exitCode, why } = describeStop(stop, `before snapshot ${series.snapshots.length + 1} of ${options.snapshots}`);
  const written = series.snapshots.length;
  const kept = written ? ` The ${written === 1 ? 'snapshot' : `${written} snapshots`} already written ${written === 1 ? 'is' : 'are'} kept.` : '';
  // What was captured before the target went away is often the clue to why: report on it. Not
  // after Ctrl-C, where the person asked to stop now.
  const partial = options.report && written > 0 && stop.kind !== 'interrupted' ? await writeReport(context, series, options, budgets) : undefined;
  return {
    outcome: stop.kind,
    exitCode,
    message: why + kept + (partial ? ' The report covers them.' : ''),
    ...baseResult(series, snapshotsDir, partial),
    leaks: [],
    budgets: [],
    findings: [],
    ...(partial && options.report ? { report: options.report } : {}),
  };
}

function describeStop(stop: SeriesStop, when: string): { exitCode: number; why: string } {
  switch (stop.kind) {
    case 'target-ended':
      return { exitCode: EXIT.target, why: `The target went away ${when}: ${stop.reason}.` };
    case 'interrupted':
      return { exitCode: EXIT.interrupted, why: `Stopped ${when}.` };
    case 'scenario-failed':
      return { exitCode: EXIT.other, why: `The scenario failed on its ${stop.iteration === 0 ? 'warm-up run' : `run ${stop.iteration}`}: ${stop.reason}.` };
  }
}

function baseResult(series: SeriesOutcome, snapshotsDir: string, report?: HeapdeckReport): Pick<CheckResult, 'target' | 'snapshotsDir' | 'snapshots'> {
  const { title, kind, pid } = series.watch.target;
  const totals = new Map(report?.snapshots.map((file) => [file.path, file.totalSizeBytes]));
  return {
    target: { title, kind, ...(pid !== undefined ? { pid } : {}) },
    snapshotsDir,
    snapshots: series.snapshots.map((snapshot) => {
      const totalSizeBytes = totals.get(snapshot.path);
      return { ...snapshot, ...(totalSizeBytes !== undefined ? { totalSizeBytes } : {}) };
    }),
  };
}

function highest(values: (number | null)[]): number | null {
  const measured = values.filter((value): value is number => value !== null);
  return measured.length ? Math.max(...measured) : null;
}
