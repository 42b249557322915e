import { HeapdeckError } from '../../../shared/contract/errors';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { retainerEdges } from '../graph/retainers';
import { IdIndex } from './idIndex';
import { displayName, edgeName } from './nodeNames';
import type { ClassRow, EdgeRow, ObjectRow, Page, PageRequest, SnapshotSummary } from './snapshotRows';

const DEFAULT_PAGE = 100;

/**
 * A loaded, analysed snapshot. Everything stays in typed arrays inside (so it can live in a
 * worker thread); every method returns small plain rows that can cross a thread boundary.
 */
export class HeapSnapshotModel {
  private ids?: IdIndex;

  constructor(private readonly analysis: HeapAnalysis) {}

  get nodeCount(): number {
    return this.analysis.graph.nodeCount;
  }

  summary(): SnapshotSummary {
    const { graph, aggregates, classes, statistics, totalSizeBytes } = this.analysis;
    const rows: ClassRow[] = [];
    classes.table.classes.forEach((info, classId) => {
      const count = aggregates.counts[classId]!;
      if (count === 0) return;
      rows.push({
        classId,
        name: info.name,
        ...(info.location ? { location: info.location } : {}),
        count,
        shallowSizeBytes: aggregates.shallowSizes[classId]!,
        retainedSizeBytes: aggregates.retainedSizes[classId]!,
        minDistance: aggregates.minDistances[classId]!,
      });
    });
    rows.sort((a, b) => b.retainedSizeBytes - a.retainedSizeBytes || a.classId - b.classId);
    return {
      nodeCount: graph.nodeCount,
      edgeCount: graph.edgeCount,
      totalSizeBytes,
      classes: rows,
      statistics,
      rootOrdinal: graph.rootOrdinal,
      maxObjectId: maxOf(graph.nodeIds),
    };
  }

  /** The `limit` objects with the largest retained sizes, leaving out the synthetic roots. */
  topRetainers(limit: number): ObjectRow[] {
    const { graph, retainedSizes } = this.analysis;
    const { nodeTypes, types } = graph;
    // A small sorted buffer is enough: `limit` is a page size, not the heap size.
    const top: number[] = [];
    for (let ordinal = 0; ordinal < graph.nodeCount && limit > 0; ordinal++) {
      if (nodeTypes[ordinal] === types.synthetic) continue;
      const size = retainedSizes[ordinal]!;
      if (top.length === limit) {
        if (size <= retainedSizes[top[limit - 1]!]!) continue;
        top[limit - 1] = ordinal;
      } else {
        top.push(ordinal);
      }
      let at = top.length - 1;
      while (at > 0 && retainedSizes[top[at - 1]!]! < size) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = ordinal;
    }
    return top.map((ordinal) => this.object(ordinal));
  }

  object(ordinal: number): ObjectRow {
    this.checkOrdinal(ordinal);
    const { graph, known, classes, retainedSizes, distances } = this.analysis;
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

  edgesOf(ordinal: number, page: PageRequest = {}): Page<EdgeRow> {
    this.checkOrdinal(ordinal);
    const { firstEdges, edgeTargets } = this.analysis.graph;
    const first = firstEdges[ordinal]!;
    return this.page(firstEdges[ordinal + 1]! - first, page, (k) => this.edgeRow(first + k, edgeTargets[first + k]!));
  }

  retainersOf(ordinal: number, page: PageRequest = {}): Page<EdgeRow> {
    this.checkOrdinal(ordinal);
    const { graph, retainers } = this.analysis;
    const edges = retainerEdges(graph, retainers, ordinal);
    const first = retainers.firstRetainer[ordinal]!;
    return this.page(edges.length, page, (k) => this.edgeRow(edges[k]!, retainers.retainerNodes[first + k]!));
  }

  /** The ordinal of the object's immediate dominator (the root's is the root). */
  dominatorOf(ordinal: number): number {
    this.checkOrdinal(ordinal);
    return this.analysis.dominators[ordinal]!;
  }

  /** The object, its immediate dominator, that one's, and so on up to the root. */
  dominatorPath(ordinal: number): ObjectRow[] {
    this.checkOrdinal(ordinal);
    const { dominators } = this.analysis;
    const path = [this.object(ordinal)];
    for (let current = ordinal; dominators[current] !== current && path.length <= this.nodeCount; ) {
      current = dominators[current]!;
      path.push(this.object(current));
    }
    return path;
  }

  /** The ordinal of the object with V8 id `id`, or undefined. */
  nodeById(id: number): number | undefined {
    this.ids ??= new IdIndex(this.analysis.graph.nodeIds);
    return this.ids.find(id);
  }

  private edgeRow(edge: number, nodeOrdinal: number): EdgeRow {
    const { graph } = this.analysis;
    return {
      edgeOrdinal: edge,
      type: graph.edgeTypeNames[graph.edgeTypes[edge]!]!,
      name: edgeName(graph, edge),
      node: this.object(nodeOrdinal),
    };
  }

  private page<T>(total: number, request: PageRequest, row: (index: number) => T): Page<T> {
    const offset = Math.max(0, Math.min(request.offset ?? 0, total));
    const end = Math.min(total, offset + Math.max(0, request.limit ?? DEFAULT_PAGE));
    const items: T[] = [];
    for (let k = offset; k < end; k++) items.push(row(k));
    return { total, offset, items };
  }

  private checkOrdinal(ordinal: number): void {
    if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= this.nodeCount) {
      throw new HeapdeckError('NOT_FOUND', `There is no object number ${ordinal} in this snapshot.`);
    }
  }
}

function maxOf(values: Uint32Array): number {
  let max = 0;
  for (let k = 0; k < values.length; k++) if (values[k]! > max) max = values[k]!;
  return max;
}
