import { basename } from 'node:path';
import { HeapdeckError } from '../../shared/contract/errors';
import type { AttachRequest } from '../../shared/model/targets';
import { parseDebuggerUrl } from '../../shared/targetSpec';
import type { CdpSession } from '../cdp/cdpSession';
import { connectDirect } from '../cdp/directSession';
import { discoverWebSocketUrl, targetLabel, type DiscoveredTarget } from '../cdp/endpoints';
import { attachWorker, type WorkerParent } from './attachWorker';
import type { ConnectedTarget } from './connectedTarget';
import { describeTarget, type KnownTarget } from './describeTarget';
import { launchScript } from './launchScript';
import { openInspectorByPid } from './openInspectorByPid';

/** What resolveTarget needs from the watches that are already attached. */
export interface AttachContext {
  /** The attached Node watch `watchId`, for attaching to one of its worker threads. */
  parentOf(watchId: string): WorkerParent | undefined;
}

const noResume = async () => undefined;

/**
 * Turns any attach request into an open session: by pid (opening the inspector with SIGUSR1
 * if needed), by ws:// URL, by endpoint (picking one of its targets), by launching a script
 * paused under the inspector, or a worker thread of an attached Node watch.
 */
export async function resolveTarget(request: AttachRequest, context: AttachContext): Promise<ConnectedTarget> {
  switch (request.by) {
    case 'pid': {
      const opened = await openInspectorByPid(request.pid);
      const target = await connect(opened.webSocketUrl, {}, opened.notes);
      // An inspector found through the command line alone (sockets hidden) may be another process.
      const reportedPid = target.descriptor.pid;
      if (reportedPid !== undefined && reportedPid !== request.pid) {
        await target.session.close();
        throw new HeapdeckError('PORT_IN_USE', `The inspector on port ${opened.port} belongs to pid ${reportedPid}, not to pid ${request.pid}.`);
      }
      return { ...target, descriptor: { ...target.descriptor, pid: request.pid } };
    }
    case 'url':
      return connect(parseDebuggerUrl(request.url), {}, []);
    case 'endpoint': {
      const found = await discoverWebSocketUrl(request.endpoint, request.match);
      return connect(found.webSocketUrl, { target: found.target, product: found.product }, pickNotes(found, request.match));
    }
    case 'launch': {
      const { launched, webSocketUrl } = await launchScript(request);
      try {
        const note = `Heapdeck started ${basename(request.script)} as pid ${launched.pid}, paused until watching starts`;
        const target = await connect(webSocketUrl, { pid: launched.pid }, [note]);
        const resume = async () => {
          await target.session.send('Runtime.runIfWaitingForDebugger');
        };
        return { ...target, launched, resume };
      } catch (error) {
        launched.kill();
        throw error;
      }
    }
    case 'worker': {
      const parent = context.parentOf(request.parentWatchId);
      if (!parent) throw new HeapdeckError('NOT_FOUND', `No attached watch ${request.parentWatchId} to reach worker ${request.workerId} through.`);
      return attachWorker(parent, request.workerId);
    }
  }
}

async function connect(webSocketUrl: string, known: KnownTarget, notes: string[]): Promise<ConnectedTarget> {
  const session: CdpSession = await connectDirect(webSocketUrl);
  try {
    const descriptor = await describeTarget(session, webSocketUrl, known);
    return { session, descriptor, notes, resume: noResume };
  } catch (error) {
    await session.close();
    throw error;
  }
}

function pickNotes(found: DiscoveredTarget, match: string | undefined): string[] {
  if (found.targets.length < 2) return [];
  const picked = `${found.target.endpoint} lists ${found.targets.length} targets; picked ${targetLabel(found.target)}`;
  return [match ? `${picked} for '${match}'` : `${picked}. Pass a tab (part of its URL or title, or its id) to pick another.`];
}
