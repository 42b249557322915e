import type { HeapAnalysis } from '../graph/analyzeGraph';

/**
 * A snapshot's summary by class name (classes of one name from different files added up), as
 * comparisons and trends match classes across snapshots: by name.
 */
export interface ClassTotals {
  names: string[];
  counts: Float64Array;
  shallowBytes: Float64Array;
  retainedBytes: Float64Array;
}

/** The summary's totals by name, and each class id's index into `names`. */
export function classTotalsOf(analysis: HeapAnalysis): { totals: ClassTotals; nameOfClass: Uint32Array } {
  const { classes, aggregates } = analysis;
  const indexOfName = new Map<string, number>();
  const nameOfClass = new Uint32Array(classes.table.classes.length);
  classes.table.classes.forEach((info, classId) => {
    let index = indexOfName.get(info.name);
    if (index === undefined) {
      index = indexOfName.size;
      indexOfName.set(info.name, index);
    }
    nameOfClass[classId] = index;
  });
  const size = indexOfName.size;
  const totals: ClassTotals = {
    names: [...indexOfName.keys()],
    counts: new Float64Array(size),
    shallowBytes: new Float64Array(size),
    retainedBytes: new Float64Array(size),
  };
  for (let classId = 0; classId < nameOfClass.length; classId++) {
    const index = nameOfClass[classId]!;
    totals.counts[index]! += aggregates.counts[classId]!;
    totals.shallowBytes[index]! += aggregates.shallowSizes[classId]!;
    totals.retainedBytes[index]! += aggregates.retainedSizes[classId]!;
  }
  return { totals, nameOfClass };
}
