import type { MessagePort } from 'node:worker_threads';
import { HeapdeckError } from '../../../shared/contract/errors';
import { assignClasses } from '../graph/classAssignment';
import { computeDistances } from '../graph/distances';
import { EphemeronNames } from '../graph/ephemeronNames';
import type { HeapGraph } from '../graph/heapGraph';
import { KnownStrings } from '../graph/knownStrings';
import { foldOwnedSizes } from '../graph/ownedSizes';
import { markGlobalsOwned } from '../graph/pageOwnership';
import { countRetainers } from '../graph/retainers';
import { ScratchBuffers } from '../graph/scratchBuffers';
import { EdgeRecords } from '../parse/edgeRecords';
import { JobRing } from '../parse/jobRing';
import { NodeRecords } from '../parse/nodeRecords';
import { graphFromShare } from './graphShare';
import type { ClassesResult, HelperTask, TaskReply, TaskRequest } from './helperTasks';
import type { JobFailure, SectionRequest } from './helperThread';

let jobValues: Float64Array | undefined;

function serveSection(port: MessagePort, { ring: parts, share }: SectionRequest): void {
  const ring = new JobRing(parts, (jobValues ??= JobRing.jobValues()));
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
}

/** The graph of the snapshot being opened, once attached. */
let attached: Attached | undefined;

function attachedGraph(): Attached {
  if (!attached) throw new Error('no graph is attached');
  return attached;
}

function classes(): ClassesResult {
  const { graph, known } = attachedGraph();
  const { classIds, table, interfaces } = assignClasses(graph, known, new ScratchBuffers(graph.nodeCount + 1, true));
  return { classIds, classes: table.classes, interfaces };
}

function distances(buffer: Uint32Array): void {
  const { graph, known } = attachedGraph();
  const lent = new ScratchBuffers(graph.nodeCount + 1);
  lent.give(buffer);
  computeDistances(graph, known, new EphemeronNames(graph.strings), lent);
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
