import { formatBytes } from '../../../../shared/format/bytes';
import type { Budget } from '../../../../shared/model/findings';

/** A budget in words, e.g. `Retained size of LeakyCache ≤ 10 MB`. */
export function budgetText(budget: Budget): string {
  const limit = formatBytes(budget.maxBytes);
  switch (budget.kind) {
    case 'classRetained':
      return `Retained size of ${budget.className} ≤ ${limit}`;
    case 'totalHeap':
      return `Total heap ≤ ${limit}`;
    case 'growthPerSnapshot':
      return `Growth per snapshot ≤ ${limit}`;
  }
}
