import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EndpointTarget, TargetDescriptor } from '../../shared/model/targets';
import type { CdpSession } from '../cdp/cdpSession';
import { listEndpoint } from '../cdp/endpoints';

const LOOKUP_TIMEOUT_MS = 1000;
const PID_EXPRESSION = "typeof process === 'object' && process !== null && typeof process.pid === 'number' ? process.pid : undefined";

/** What is already known about a target before it is described. */
export interface KnownTarget {
  target?: EndpointTarget;
  product?: string;
  pid?: number;
}

/**
 * Fills a TargetDescriptor for a connected session: kind, title and URL from the endpoint's
 * `/json/list` entry (looked up by the debugger URL when not given), product from
 * `/json/version`, and for Node the pid, asked from the target itself.
 */
export async function describeTarget(session: CdpSession, webSocketUrl: string, known: KnownTarget = {}): Promise<TargetDescriptor> {
  const { target, product } = known.target ? known : await lookUp(webSocketUrl);
  const evaluatedPid = known.pid === undefined && (!target || target.kind === 'node') ? await evaluatePid(session) : undefined;
  const pid = known.pid ?? evaluatedPid;
  const kind = target?.kind ?? (pid !== undefined ? 'node' : 'other');
  return {
    kind,
    title: titleOf(target, webSocketUrl),
    url: target?.url ?? '',
    debuggerUrl: webSocketUrl,
    ...(pid !== undefined ? { pid } : {}),
    ...(product ? { product } : {}),
  };
}

async function lookUp(webSocketUrl: string): Promise<KnownTarget> {
  const url = new URL(webSocketUrl);
  // The listing is plain http; a wss:// URL (behind a proxy) has none to read.
  if (url.protocol !== 'ws:') return {};
  const listing = await listEndpoint(url.port ? url.host : `${url.host}:80`, LOOKUP_TIMEOUT_MS);
  const target = listing.targets.find((entry) => entry.id === basename(url.pathname) || entry.webSocketDebuggerUrl === webSocketUrl);
  return { target, product: listing.product };
}

async function evaluatePid(session: CdpSession): Promise<number | undefined> {
  try {
    const answer = await session.send('Runtime.evaluate', { expression: PID_EXPRESSION, returnByValue: true }, { timeoutMs: 2000 });
    const value: unknown = answer.result.value;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined; // not every target has a Runtime (a browser endpoint); the pid is optional
  }
}

/** Node lists `node[pid]` or the script's path as title; the script's file name reads better. */
function titleOf(target: EndpointTarget | undefined, webSocketUrl: string): string {
  if (!target) return webSocketUrl;
  if (target.kind === 'node' && /^file:\/\/\/./.test(target.url)) {
    try {
      return basename(fileURLToPath(target.url));
    } catch {
      return target.title;
    }
  }
  return target.title || target.url || target.id;
}
