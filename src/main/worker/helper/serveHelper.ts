import type { MessagePort } from 'node:worker_threads';
import { HeapdeckError } from '../../../shared/contract/errors';
import { sumClassTotals } from '../graph/classAggregates';
import { assignClasses } from '../graph/classAssignment';
import { computeDistances } from '../graph/distances';
import { EphemeronNames } from '../graph/ephemeronNames';
import type { HeapGraph } from '../graph/heapGraph';
import { KnownStrings } from '../graph/knownStrings';
import { foldOwnedSizes } from '../graph/ownedSizes';
import { markGlobalsOwned } from '../graph/pageOwnership';
import { countRetainers } from '../graph/retainers';
import { ScratchBuffers } from '../graph/scratchBuffers';
import { sumByKind } from '../graph/statistics';
import { EdgeRecords } from '../parse/edgeRecords';
import { JobRing } from '../parse/jobRing';
import { NodeRecords } from '../parse/nodeRecords';
import type { NumberScanner } from '../parse/numberScanner';
import { graphFromShare } from './graphShare';
import type { ClassesResult, HelperTask, SummaryResult, TaskReply, TaskRequest } from './helperTasks';
import type { JobFailure, SectionRequest } from './helperThread';

let scanner: NumberScanner | undefined;

function serveSection(port: MessagePort, { ring: parts, share }: SectionRequest): void {
  const ring = new JobRing(parts, (scanner ??= JobRing.scanner()));
  const sink = share.kind === 'nodes' ? new NodeRecords(share.layout, share.arrays) : new EdgeRecords(share.layout, share.arrays);
  ring.serve(sink, (job, error) => {
    // Written before the job counts as stored, so the reading thread sees it once all are.
    ring.helperStat = sink.maxStringIndex;
    if (error === undefined) return;
    const known = error instanceof HeapdeckError;
    const failure: JobFailure = {
      job,
      code: known ? error.code : 'INTERNAL',
      message: known ? error.message : `The snapshot parser's helper thread failed: ${(error as Error).message}`,
    };
    port.postMessage(failure);
  });
}

interface Attached {
  graph: HeapGraph;
  known: KnownStrings;
  /** What this thread found of the graph, for the summary sums. */
  distances?: Int32Array;
  classIds?: Uint32Array;
  classCount?: number;
}

/** The graph of the snapshot being opened, once attached. */
let attached: Attached | undefined;

function attachedGraph(): Attached {
  if (!attached) throw new Error('no graph is attached');
  return attached;
}

function classes(): ClassesResult {
  const current = attachedGraph();
  const { classIds, table, interfaces } = assignClasses(current.graph, current.known, new ScratchBuffers(current.graph.nodeCount + 1, true));
  current.classIds = classIds;
  current.classCount = table.classes.length;
  return { classIds, classes: table.classes, interfaces };
}

function distances(buffer: Uint32Array): void {
  const current = attachedGraph();
  const { graph, known } = current;
  const lent = new ScratchBuffers(graph.nodeCount + 1);
  lent.give(buffer);
  current.distances = computeDistances(graph, known, new EphemeronNames(graph.strings), lent);
}

function summarize(firstRetainer: Uint32Array): SummaryResult {
  const { graph, known, distances, classIds, classCount } = attachedGraph();
  if (!distances || !classIds || classCount === undefined) throw new Error('the distances and classes were not found here');
  return {
    kinds: sumByKind(graph, known, firstRetainer),
    classes: sumClassTotals({ classIds, classCount, selfSizes: graph.selfSizes, distances }),
  };
}

function runTask(task: HelperTask): unknown {
  switch (task.name) {
    case 'countRetainers':
      countRetainers(task.edgeTargets, task.counts);
      return undefined;
    case 'markGlobalsOwned':
      markGlobalsOwned(task.graph, task.owned, task.stack);
      return undefined;
    case 'attachGraph': {
      const graph = graphFromShare(task.graph);
      attached = { graph, known: new KnownStrings(graph.strings) };
      return undefined;
    }
    case 'foldOwnedSizes': {
      const { graph, known } = attachedGraph();
      const lent = new ScratchBuffers(graph.nodeCount + 1);
      lent.give(...task.buffers);
      return foldOwnedSizes(graph, known, lent);
    }
    case 'classes':
      return classes();
    case 'distances':
      return distances(task.buffer);
    case 'summarize':
      return summarize(task.firstRetainer);
  }
}

/**
 * The helper thread's side: jobs of `nodes` / `edges` sections arrive on `sectionPort` (and are
 * served until the section closes), analysis tasks on `taskPort`, each answered with its result.
 */
export function serveHelper(sectionPort: MessagePort, taskPort: MessagePort): void {
  sectionPort.on('message', (request: SectionRequest) => serveSection(sectionPort, request));
  taskPort.on('message', ({ id, task }: TaskRequest) => {
    let reply: TaskReply;
    try {
      reply = { id, result: runTask(task) };
    } catch (error) {
      reply = { id, error: (error as Error).message };
    }
    taskPort.postMessage(reply);
  });
}
