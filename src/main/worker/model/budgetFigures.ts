import type { HeapAnalysis } from '../graph/analyzeGraph';

/** What budgets are checked against in one snapshot. */
export interface BudgetFigures {
  totalSizeBytes: number;
  /** Per asked class name: the retained size of its objects (0 when none). */
  classRetainedBytes: number[];
}

/**
 * The snapshot's total and, per class name, the summary's retained size. Classes that share a
 * name but not a constructor position (two `Entry` classes in two files) add up; an object of
 * one under an object of the other would count twice, which needs two same-named classes
 * nesting and is not worth a dominator walk per budget.
 */
export function budgetFigures({ classes, aggregates, totalSizeBytes }: HeapAnalysis, classNames: string[]): BudgetFigures {
  const byName = new Map<string, number>();
  classes.table.classes.forEach((info, classId) => byName.set(info.name, (byName.get(info.name) ?? 0) + aggregates.retainedSizes[classId]!));
  return { totalSizeBytes, classRetainedBytes: classNames.map((name) => byName.get(name) ?? 0) };
}
