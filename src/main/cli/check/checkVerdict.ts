import type { BudgetResult, FindingKind } from '../../../shared/model/findings';
import type { HeapdeckReport } from '../../../shared/model/report';
import { retainingPathText } from '../../reports/retainingPathText';
import { EXIT } from '../exitCodes';

/** Findings that only a leak produces: they need growth between every two snapshots. */
const LEAK_FINDINGS: ReadonlySet<FindingKind> = new Set(['growing-collection', 'growing-listeners']);

/**
 * A leak-candidate cluster fails the check when it holds this many objects or retains this
 * much: after the warm-up round, a clean app leaves next to nothing allocated and alive in both
 * later snapshots by one retaining path (the noise filters drop code and V8 internals), while a
 * leak leaves something every round.
 */
export const LEAK_CLUSTER_MIN_COUNT = 1000;
export const LEAK_CLUSTER_MIN_BYTES = 1024 * 1024;

export interface LeakEvidence {
  kind: 'growing-collection' | 'growing-listeners' | 'leak-candidates';
  title: string;
  /** The class of the object that grows, or the most common class of the leaked objects. */
  className: string;
  /** How it is held: from the object toward the roots (findings), or root first (`→`, clusters). */
  path: string;
  bytes: number;
}

export type CheckOutcome = 'pass' | 'budget-failed' | 'leak-found';

export interface CheckVerdict {
  outcome: CheckOutcome;
  exitCode: number;
  leaks: LeakEvidence[];
  failedBudgets: BudgetResult[];
}

/**
 * The check's rule: a failed budget exits 4 (it wins over a leak: the budget is the limit the
 * team set, and the summary lists the leaks anyway), a leak exits 5, anything else passes.
 */
export function judgeReport(report: HeapdeckReport): CheckVerdict {
  const leaks = [...leakFindings(report), ...leakClusters(report)];
  const failedBudgets = (report.budgets ?? []).filter((result) => !result.pass);
  if (failedBudgets.length) return { outcome: 'budget-failed', exitCode: EXIT.budgetFailed, leaks, failedBudgets };
  if (leaks.length) return { outcome: 'leak-found', exitCode: EXIT.leakFound, leaks, failedBudgets };
  return { outcome: 'pass', exitCode: EXIT.ok, leaks, failedBudgets };
}

function leakFindings(report: HeapdeckReport): LeakEvidence[] {
  return report.findings
    .filter((finding) => LEAK_FINDINGS.has(finding.kind))
    .map((finding) => ({
      kind: finding.kind as LeakEvidence['kind'],
      title: finding.title,
      className: finding.evidence.object?.className ?? '',
      path: retainingPathText(finding.evidence.path ?? []),
      bytes: finding.bytesAtStake,
    }));
}

function leakClusters(report: HeapdeckReport): LeakEvidence[] {
  return (report.leaks?.clusters ?? [])
    .filter((cluster) => cluster.count >= LEAK_CLUSTER_MIN_COUNT || cluster.retainedBytes >= LEAK_CLUSTER_MIN_BYTES)
    .map((cluster) => ({
      kind: 'leak-candidates',
      title: `${cluster.count} objects allocated after the baseline are still alive (${cluster.classNames.slice(0, 3).join(', ')})`,
      className: cluster.classNames[0] ?? '',
      path: cluster.pattern || '(held by a GC root directly)',
      bytes: cluster.retainedBytes,
    }));
}
