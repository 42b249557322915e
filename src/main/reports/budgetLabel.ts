import { formatBytes } from '../../shared/format/bytes';
import type { Budget } from '../../shared/model/findings';

/** A budget in words, e.g. `retained by Entry ≤ 1.0 MB`. Raw text: writers escape it (a class name is a heap string). */
export function budgetLabel(budget: Budget): string {
  const what = budget.kind === 'classRetained' ? `retained by ${budget.className}` : budget.kind === 'totalHeap' ? 'total heap' : 'growth per snapshot';
  return `${what} ≤ ${formatBytes(budget.maxBytes)}`;
}
