import { readFile } from 'node:fs/promises';
import { HeapdeckError } from '../../../shared/contract/errors';
import { formatBytes } from '../../../shared/format/bytes';
import type { Budget, BudgetResult, Finding } from '../../../shared/model/findings';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';
import { openSnapshotFiles } from '../openSnapshotFiles';

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

async function readBudgets(path: string): Promise<Budget[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new HeapdeckError('INVALID_ARGUMENT', `Cannot read the budget file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as Budget[];
  } catch (error) {
    throw new HeapdeckError('INVALID_ARGUMENT', `The budget file ${path} is not JSON: ${(error as Error).message}`);
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
    if (path?.length) context.out(`   retained by: ${path.map((step) => `${step.holder.className}.${step.edgeName}`).join(' ← ')}`);
    for (const sample of samples ?? []) context.out(`   · ${sample}`);
    context.out(`   fix: ${finding.suggestion}`);
  });
}

function printBudgets(context: CliContext, results: BudgetResult[], snapshots: { snapshotId: string; path: string }[]): void {
  context.out('');
  context.out('Budgets:');
  const pathOf = new Map(snapshots.map((snapshot) => [snapshot.snapshotId, snapshot.path]));
  for (const { budget, perSnapshot, pass } of results) {
    const what = budget.kind === 'classRetained' ? `retained by ${budget.className}` : budget.kind === 'totalHeap' ? 'total heap' : 'growth per snapshot';
    context.out(`  ${pass ? 'PASS' : 'FAIL'}  ${what} ≤ ${formatBytes(budget.maxBytes)}`);
    for (const verdict of perSnapshot) {
      const value = verdict.valueBytes === null ? '—' : formatBytes(verdict.valueBytes);
      context.out(`        ${verdict.pass ? 'ok  ' : 'over'}  ${value.padStart(10)}  ${pathOf.get(verdict.snapshotId)}`);
    }
  }
}
