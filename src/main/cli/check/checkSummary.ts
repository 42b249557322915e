import { basename } from 'node:path';
import { formatBytes } from '../../../shared/format/bytes';
import type { FindingKind } from '../../../shared/model/findings';
import type { TargetKind } from '../../../shared/model/targets';
import type { ReportFormat } from '../../reports/reportFormats';
import type { CliContext } from '../cliContext';
import type { SeriesStop } from './captureSeries';
import type { CheckOutcome, LeakEvidence } from './checkVerdict';

const PATH_MAX_CHARS = 160;
const OTHER_FINDINGS_SHOWN = 3;

/** What a check found, as `--json` prints it and the summary shows it. */
export interface CheckResult {
  outcome: CheckOutcome | SeriesStop['kind'];
  exitCode: number;
  /** Why the check stopped before its last snapshot, in words. */
  message?: string;
  target: { title: string; kind: TargetKind; pid?: number };
  snapshotsDir: string;
  /** Oldest first; `totalSizeBytes` (the snapshot's heap total) once analysed. */
  snapshots: { path: string; sizeBytes: number; heapUsedAfterGcBytes: number; totalSizeBytes?: number }[];
  leaks: LeakEvidence[];
  /** Each budget with its highest value over the series (null: nothing to measure). */
  budgets: { label: string; pass: boolean; highestBytes: number | null }[];
  /** Every finding, most memory at stake first (leak findings included). */
  findings: { kind: FindingKind; title: string; bytesAtStake: number }[];
  report?: { path: string; format: ReportFormat };
}

/** One JSON object with --json; otherwise a short verdict, the leaks and budgets, and where the files are. */
export function printCheckResult(context: CliContext, result: CheckResult, json: boolean): void {
  if (json) {
    context.out(JSON.stringify(result, null, 2));
    return;
  }
  context.out(`${headline(result)} (exit ${result.exitCode})`);
  if (result.message) context.out(`  ${result.message}`);
  const totals = result.snapshots.map((snapshot) => snapshot.totalSizeBytes);
  if (totals.length && totals.every((total) => total !== undefined)) context.out(`Heap: ${totals.map((total) => formatBytes(total!)).join(' → ')}`);
  if (result.leaks.length) {
    context.out(`Leaks (${result.leaks.length}):`);
    for (const leak of result.leaks) {
      context.out(`  - ${leak.title} [${formatBytes(leak.bytes)}]`);
      // A cluster's pattern reads from the root: its informative end is the one near the objects.
      context.out(`    ${leak.className}: ${leak.kind === 'leak-candidates' ? shortenStart(leak.path) : shortenEnd(leak.path)}`);
    }
  }
  if (result.budgets.length) {
    context.out('Budgets:');
    for (const budget of result.budgets) {
      const highest = budget.highestBytes === null ? '' : ` (highest: ${formatBytes(budget.highestBytes)})`;
      context.out(`  ${budget.pass ? 'PASS' : 'FAIL'}  ${budget.label}${highest}`);
    }
  }
  const leakTitles = new Set(result.leaks.map((leak) => leak.title));
  const others = result.findings.filter((finding) => !leakTitles.has(finding.title));
  if (others.length) {
    context.out(`Other findings (${others.length}${result.report ? ', all in the report' : ''}):`);
    for (const finding of others.slice(0, OTHER_FINDINGS_SHOWN)) context.out(`  - ${finding.title} [${formatBytes(finding.bytesAtStake)}]`);
    if (others.length > OTHER_FINDINGS_SHOWN) context.out(`  - and ${others.length - OTHER_FINDINGS_SHOWN} more`);
  }
  if (result.report) context.out(`Report: ${result.report.path}`);
  const files = result.snapshots.map((snapshot) => basename(snapshot.path)).join(', ');
  context.out(`Snapshots: ${result.snapshotsDir}${files ? ` (${files})` : ' (none written)'}`);
}

function headline(result: CheckResult): string {
  const leaks = `${result.leaks.length} leak${result.leaks.length === 1 ? '' : 's'} found`;
  switch (result.outcome) {
    case 'pass':
      return `PASS: no leak found${result.budgets.length ? ', every budget met' : ''}`;
    case 'budget-failed': {
      const failed = result.budgets.filter((budget) => !budget.pass).length;
      return `FAIL: ${failed} budget${failed === 1 ? '' : 's'} failed${result.leaks.length ? `, ${leaks}` : ''}`;
    }
    case 'leak-found':
      return `FAIL: ${leaks}`;
    case 'target-ended':
      return 'FAIL: the target went away before the check ended';
    case 'scenario-failed':
      return 'FAIL: the scenario failed';
    case 'interrupted':
      return 'Interrupted';
  }
}

function shortenEnd(text: string): string {
  return text.length <= PATH_MAX_CHARS ? text : `${text.slice(0, PATH_MAX_CHARS - 1)}…`;
}

function shortenStart(text: string): string {
  return text.length <= PATH_MAX_CHARS ? text : `…${text.slice(text.length - PATH_MAX_CHARS + 1)}`;
}
