import type { HeapAnalysis } from '../graph/analyzeGraph';
import { displayName } from './nodeNames';
import type { ObjectRow } from './snapshotRows';

/** The row every view shows for one object (the ordinal is trusted: check it before). */
export function objectRow(analysis: HeapAnalysis, ordinal: number): ObjectRow {
  const { graph, known, classes, retainedSizes, distances } = analysis;
  return {
    ordinal,
    id: graph.nodeIds[ordinal]!,
    name: displayName(graph, known, ordinal),
    className: classes.table.classes[classes.classIds[ordinal]!]!.name,
    type: graph.nodeTypeNames[graph.nodeTypes[ordinal]!]!,
    selfSizeBytes: graph.selfSizes[ordinal]!,
    retainedSizeBytes: retainedSizes[ordinal]!,
    distance: distances[ordinal]!,
  };
}
