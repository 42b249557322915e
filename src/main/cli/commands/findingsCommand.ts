import { formatBytes } from '../../../shared/format/bytes';
import type { BudgetResult, Finding } from '../../../shared/model/findings';
import { budgetLabel } from '../../reports/budgetLabel';
import { retainingPathText } from '../../reports/retainingPathText';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';
import { openSnapshotFiles } from '../openSnapshotFiles';
import { readBudgets } from '../readBudgets';

export interface FindingsOptions {
  paths: string[];
  json: boolean;
  /** A JSON file holding a list of budgets to check each snapshot against. */
  budgetPath?: string;
}

/**
 * Opens a series of snapshot files (oldest first), prints the findings, most memory at stake
 * first, and checks budgets when given: exits with EXIT.budgetFailed when one fails.
 */
export async function findingsCommand(context: CliContext, options: FindingsOptions): Promise<number> {
  const budgets = options.budgetPath === undefined ? undefined : await readBudgets(options.budgetPath);
  const opened = await openSnapshotFiles(context, options.paths);
  try {
    const snapshotIds = opened.snapshots.map((snapshot) => snapshot.snapshotId);
    const findings = await context.api.call('getFindings', { snapshotIds });
    const budgetResults = budgets ? await context.api.call('checkBudgets', { snapshotIds, budgets }) : undefined;
    const snapshots = opened.snapshots.map(({ snapshotId, path, totalSizeBytes }) => ({ snapshotId, path, totalSizeBytes }));
    if (options.json) {
      context.out(JSON.stringify({ snapshots, skipped: opened.skipped, findings, ...(budgetResults ? { budgets: budgetResults } : {}) }, null, 2));
    } else {
      printFindings(context, findings, opened.snapshots.length);
      if (budgetResults) printBudgets(context, budgetResults, snapshots);
    }
    return budgetResults?.some((result) => !result.pass) ? EXIT.budgetFailed : EXIT.ok;
  } finally {
    await opened.closeAll();
  }
}

function printFindings(context: CliContext, findings: Finding[], snapshotCount: number): void {
  if (!findings.length) {
    context.out(`No findings in ${snapshotCount} snapshot${snapshotCount === 1 ? '' : 's'}.`);
    return;
  }
  context.out(`${findings.length} finding${findings.length === 1 ? '' : 's'}, most memory at stake first:`);
  findings.forEach((finding, index) => {
    context.out('');
    context.out(`${index + 1}. [${finding.kind}] ${finding.title}`);
    context.out(`   at stake: ${formatBytes(finding.bytesAtStake)}`);
    const { path, series, samples } = finding.evidence;
    if (series) context.out(`   ${series.label}: ${series.values.join(' → ')}`);
    if (path?.length) context.out(`   retained by: ${retainingPathText(path)}`);
    for (const sample of samples ?? []) context.out(`   · ${sample}`);
    context.out(`   fix: ${finding.suggestion}`);
  });
}

function printBudgets(context: CliContext, results: BudgetResult[], snapshots: { snapshotId: string; path: string }[]): void {
  context.out('');
  context.out('Budgets:');
  const pathOf = new Map(snapshots.map((snapshot) => [snapshot.snapshotId, snapshot.path]));
  for (const { budget, perSnapshot, pass } of results) {
    context.out(`  ${pass ? 'PASS' : 'FAIL'}  ${budgetLabel(budget)}`);
    for (const verdict of perSnapshot) {
      const value = verdict.valueBytes === null ? '—' : formatBytes(verdict.valueBytes);
      context.out(`        ${verdict.pass ? 'ok  ' : 'over'}  ${value.padStart(10)}  ${pathOf.get(verdict.snapshotId)}`);
    }
  }
}
