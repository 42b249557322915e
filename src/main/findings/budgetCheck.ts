import type { Budget, BudgetResult } from '../../shared/model/findings';
import type { OpenSnapshots } from '../snapshots/openSnapshots';
import type { BudgetFigures } from '../worker/model/budgetFigures';
import { checkedBudgets } from './budgetStore';
import { checkedSnapshotIds } from './snapshotIdList';

/**
 * Checks budgets against each snapshot of a series (oldest first): a class's retained size
 * (the summary's, by class name), the heap total, and the total's growth since the previous
 * snapshot (the first snapshot has no growth: its value is null and it passes). A value passes
 * when it is at most the budget's maxBytes.
 */
export async function checkBudgets(snapshots: OpenSnapshots, snapshotIdsParam: unknown, budgetsParam: unknown): Promise<BudgetResult[]> {
  const snapshotIds = checkedSnapshotIds(snapshotIdsParam);
  const budgets = checkedBudgets(budgetsParam);
  const classNames = [...new Set(budgets.flatMap((budget) => (budget.kind === 'classRetained' ? [budget.className] : [])))];
  const figures = await Promise.all(snapshotIds.map((snapshotId) => snapshots.call(snapshotId, 'budgetFigures', { classNames })));
  return budgets.map((budget) => {
    const perSnapshot = snapshotIds.map((snapshotId, index) => {
      const valueBytes = valueOf(budget, figures, index, classNames);
      return { snapshotId, valueBytes, pass: valueBytes === null || valueBytes <= budget.maxBytes };
    });
    return { budget, perSnapshot, pass: perSnapshot.every((verdict) => verdict.pass) };
  });
}

function valueOf(budget: Budget, figures: BudgetFigures[], index: number, classNames: string[]): number | null {
  const current = figures[index]!;
  switch (budget.kind) {
    case 'totalHeap':
      return current.totalSizeBytes;
    case 'classRetained':
      return current.classRetainedBytes[classNames.indexOf(budget.className)]!;
    case 'growthPerSnapshot':
      return index === 0 ? null : current.totalSizeBytes - figures[index - 1]!.totalSizeBytes;
  }
}
