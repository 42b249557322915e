import { HeapdeckError } from '../../../shared/contract/errors';
import type { InstanceSortKey, ObjectDetails, ObjectFilter, RetainerNoise, RetainersPage } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { ClassInstances } from './classInstances';
import { classRowsOf } from './classRows';
import { ClassSummaries, type ClassPageRequest } from './classSummaries';
import { DominatorChildren } from './dominatorChildren';
import { IdIndex } from './idIndex';
import { edgeName } from './nodeNames';
import { ObjectDetailsReader } from './objectDetails';
import { objectRow } from './objectRow';
import { ObjectSelections } from './objectFilters';
import { RetainerDistances } from './retainerDistances';
import { RetainerLists } from './retainerLists';
import { RetainerNoiseKinds } from './retainerNoise';
import { pageOf, pageWindow, type ClassRow, type EdgeRow, type ObjectRow, type Page, type PageRequest, type SnapshotSummary } from './snapshotRows';

export interface InstancesRequest extends PageRequest {
  classId: number;
  sortBy?: InstanceSortKey;
  ascending?: boolean;
  objects?: ObjectFilter;
}

export interface RetainersRequest extends PageRequest {
  hide?: RetainerNoise[];
  ignored?: number[];
}

/**
 * A loaded, analysed snapshot. Everything stays in typed arrays inside (so it can live in a
 * worker thread); every method returns small plain rows that can cross a thread boundary.
 */
export class HeapSnapshotModel {
  private ids?: IdIndex;
  // The views' helpers are built on first use: opening a snapshot pays for none of them.
  private readonly dominatorChildren: DominatorChildren;
  private readonly selections: ObjectSelections;
  private summaries?: ClassSummaries;
  private instances?: ClassInstances;
  private retainerLists?: RetainerLists;
  private details?: ObjectDetailsReader;

  constructor(readonly analysis: HeapAnalysis) {
    this.dominatorChildren = new DominatorChildren(analysis);
    this.selections = new ObjectSelections(analysis, () => this.dominatorChildren.tree);
  }

  get nodeCount(): number {
    return this.analysis.graph.nodeCount;
  }

  summary(): SnapshotSummary {
    const { graph, aggregates, classes, statistics, totalSizeBytes } = this.analysis;
    return {
      nodeCount: graph.nodeCount,
      edgeCount: graph.edgeCount,
      totalSizeBytes,
      classes: classRowsOf(classes.table, aggregates),
      statistics,
      rootOrdinal: graph.rootOrdinal,
      maxObjectId: maxJsObjectId(graph.nodeIds),
    };
  }

  /** A page of the summary by class; see ClassSummaries. */
  classes(request: ClassPageRequest = {}): Page<ClassRow> {
    this.summaries ??= new ClassSummaries(this.analysis, this.selections, () => this.dominatorChildren.tree);
    return this.summaries.page(request);
  }

  /** A page of one class's instances, sorted (default: biggest retained size first). */
  classInstances({ classId, sortBy = 'retainedSizeBytes', ascending = false, objects, ...page }: InstancesRequest): Page<ObjectRow> {
    const selected = this.selections.select(objects);
    // Rows past the end are clamped by the page itself; the order only needs to hold the rest.
    const { offset, end } = pageWindow(Number.MAX_SAFE_INTEGER, page);
    const order = this.instancesByClass().ordered(classId, sortBy, ascending, selected, offset, end);
    return pageOf(order.total, page, (k) => this.object(order.at(k)));
  }

  private instancesByClass(): ClassInstances {
    return (this.instances ??= new ClassInstances(this.analysis));
  }

  /** What the object inspector shows about one object. */
  objectDetails(ordinal: number): ObjectDetails {
    this.checkOrdinal(ordinal);
    this.details ??= new ObjectDetailsReader(this.analysis, (other) => this.object(other));
    return this.details.read(ordinal);
  }

  /**
   * Builds, ahead of the first request, what the first use of Dominators would otherwise wait
   * for (the top-down dominator tree and the root's sorted children), and where each class's
   * objects lie, for the first class expanded.
   */
  prepare(): void {
    this.dominatorChildren.of(this.analysis.graph.rootOrdinal);
    this.instancesByClass().prepare();
  }

  /** The objects `ordinal` immediately dominates, biggest retained size first. */
  dominatedBy(ordinal: number, page: PageRequest = {}): Page<ObjectRow> {
    this.checkOrdinal(ordinal);
    const children = this.dominatorChildren.of(ordinal);
    return pageOf(children.length, page, (k) => this.object(children[k]!));
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
    return objectRow(this.analysis, ordinal);
  }

  edgesOf(ordinal: number, page: PageRequest = {}): Page<EdgeRow> {
    this.checkOrdinal(ordinal);
    const { firstEdges, edgeTargets } = this.analysis.graph;
    const first = firstEdges[ordinal]!;
    return pageOf(firstEdges[ordinal + 1]! - first, page, (k) => this.edgeRow(first + k, edgeTargets[first + k]!));
  }

  /** The references that hold an object, nearest to the GC roots first; see RetainerLists. */
  retainersOf(ordinal: number, { hide = [], ignored = [], ...page }: RetainersRequest = {}): RetainersPage {
    this.checkOrdinal(ordinal);
    if (!this.retainerLists) {
      const { ephemerons } = this.analysis;
      const noise = new RetainerNoiseKinds(this.analysis.graph, ephemerons);
      this.retainerLists = new RetainerLists(this.analysis, noise, new RetainerDistances(this.analysis, ephemerons), ephemerons);
    }
    const { edges, sources, distances, hidden } = this.retainerLists.list(ordinal, hide, ignored);
    const rows = pageOf(edges.length, page, (k) => {
      const row = this.edgeRow(edges[k]!, sources[k]!);
      row.node.distance = distances[k]!;
      return row;
    });
    return { ...rows, hidden };
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

  private checkOrdinal(ordinal: number): void {
    if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= this.nodeCount) {
      throw new HeapdeckError('NOT_FOUND', `There is no object number ${ordinal} in this snapshot.`);
    }
  }
}

/**
 * The highest id V8 gave a heap object. Those ids are odd and grow with allocation; embedder
 * (native) objects have even ids that follow no order, so they are left out, as in DevTools.
 */
function maxJsObjectId(ids: Uint32Array): number {
  let max = 0;
  for (let k = 0; k < ids.length; k++) if (ids[k]! % 2 === 1 && ids[k]! > max) max = ids[k]!;
  return max;
}
