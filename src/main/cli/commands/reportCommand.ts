import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildReport, type ReportSource } from '../../reports/buildReport';
import { REPORT_WRITERS, type ReportFormat } from '../../reports/reportFormats';
import { writeFileAtomic } from '../../os/writeFileAtomic';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';
import { readBudgets } from '../readBudgets';

export interface ReportCommandOptions {
  /** Snapshot files, oldest first, or one session folder. */
  inputs: string[];
  format: ReportFormat;
  outputPath: string;
  top: number;
  budgetPath?: string;
}

/**
 * Writes a snapshot, comparison or trend report (by how many snapshots there are) in one format;
 * like `heapdeck findings --budget`, exits with EXIT.budgetFailed when a budget fails.
 */
export async function reportCommand(context: CliContext, options: ReportCommandOptions): Promise<number> {
  const budgets = options.budgetPath === undefined ? undefined : await readBudgets(options.budgetPath);
  const report = await buildReport(context, await sourceOf(options.inputs), { top: options.top, ...(budgets ? { budgets } : {}) });
  const outputPath = resolve(options.outputPath);
  await writeFileAtomic(outputPath, REPORT_WRITERS[options.format](report));
  context.err(`Wrote the ${report.kind} report (${report.snapshots.length} snapshots, ${report.findings.length} findings) to ${outputPath}`);
  return report.budgets?.some((result) => !result.pass) ? EXIT.budgetFailed : EXIT.ok;
}

async function sourceOf(inputs: string[]): Promise<ReportSource> {
  const [first] = inputs;
  if (inputs.length === 1 && first !== undefined && (await stat(first).catch(() => undefined))?.isDirectory()) return { sessionDir: first };
  return { files: inputs };
}
