import { HeapdeckError } from '../../shared/contract/errors';
import type { EndpointListing, EndpointTarget, TargetKind } from '../../shared/model/targets';
import { formatEndpoint, parseEndpoint } from '../../shared/targetSpec';
import { httpGetText, HttpStatusError } from './httpGetText';
import { truncateText } from '../../shared/format/truncateText';

export { parseEndpoint };

/** What an inspector answered to `/json/version`. */
export interface InspectorVersion {
  /** `Browser`, e.g. `node.js/v20.20.2` or `HeadlessChrome/156.0...`. */
  product: string;
}

/** One target of an endpoint, picked for attaching. */
export interface DiscoveredTarget {
  webSocketUrl: string;
  target: EndpointTarget;
  product?: string;
  /** Everything the endpoint listed, so a caller can say which of several was picked. */
  targets: EndpointTarget[];
}

/** Thrown inside this module when a server answers but not as an inspector. */
class NotAnInspector extends Error {}

/**
 * Reads an inspector endpoint's `/json/version` and `/json/list`. Never throws: an endpoint
 * that cannot be read comes back `reachable: false` with the reason in words.
 */
export async function listEndpoint(endpoint: string, timeoutMs = 1500): Promise<EndpointListing> {
  let hostPort: string;
  try {
    hostPort = formatEndpoint(parseEndpoint(endpoint));
  } catch (error) {
    return { endpoint, reachable: false, error: (error as Error).message, targets: [] };
  }
  try {
    const deadline = AbortSignal.timeout(timeoutMs);
    const version = parseVersion(await getJson(hostPort, '/json/version', deadline));
    const list = await getJson(hostPort, '/json/list', deadline);
    if (!Array.isArray(list)) throw new NotAnInspector();
    const targets = list.flatMap((entry: unknown) => toTarget(entry, hostPort));
    return { endpoint: hostPort, reachable: true, product: version.product, targets };
  } catch (error) {
    return { endpoint: hostPort, reachable: false, error: describeFetchError(error, hostPort, timeoutMs), targets: [] };
  }
}

/**
 * Asks `host:port` whether it is a DevTools inspector; resolves `undefined` when it is not or
 * does not answer in time. Cheap enough to probe every port a Node process listens on.
 */
export async function probeInspector(hostPort: string, timeoutMs: number): Promise<InspectorVersion | undefined> {
  try {
    return parseVersion(await getJson(hostPort, '/json/version', AbortSignal.timeout(timeoutMs)));
  } catch {
    return undefined;
  }
}

/**
 * Resolves an endpoint to one target's debugger URL. A Node endpoint lists one target; Chrome
 * lists many, and `match` picks one: an exact target id, else a substring of its URL or title
 * (pages first). Without `match` the first page wins; `targets` tells the caller what else
 * was there.
 */
export async function discoverWebSocketUrl(endpoint: string, match?: string): Promise<DiscoveredTarget> {
  const listing = await listEndpoint(endpoint);
  if (!listing.reachable) {
    throw new HeapdeckError('TARGET_UNREACHABLE', `Cannot read the inspector at ${listing.endpoint}: ${listing.error}`);
  }
  const { targets } = listing;
  if (targets.length === 0) {
    throw new HeapdeckError('NOT_FOUND', `The inspector at ${listing.endpoint} lists no targets: open a page or start the script, then try again.`);
  }
  const target = match ? pickByMatch(targets, match) : byPreference(targets)[0];
  if (!target) {
    throw new HeapdeckError(
      'NOT_FOUND',
      `No target of ${listing.endpoint} matches '${match}'. It lists: ${describeTargets(targets)}. Pass a target id or part of a URL or title.`,
    );
  }
  if (!target.webSocketDebuggerUrl) {
    throw new HeapdeckError(
      'TARGET_DETACHED',
      `Another debugger is attached to ${targetLabel(target)} and holds its only connection. Close it (DevTools, an IDE) and try again.`,
    );
  }
  return { webSocketUrl: target.webSocketDebuggerUrl, target, product: listing.product, targets };
}

/** A short human name for a target: its title, and its URL when that says more. */
export function targetLabel(target: EndpointTarget): string {
  // Titles and URLs come from the target: a data: URL alone can be megabytes.
  const title = truncateText(target.title || target.id, 80);
  const url = truncateText(target.url, 100);
  return url && target.url !== target.title ? `'${title}' (${url})` : `'${title}'`;
}

function pickByMatch(targets: EndpointTarget[], match: string): EndpointTarget | undefined {
  const exact = targets.find((target) => target.id === match);
  if (exact) return exact;
  const needle = match.toLowerCase();
  return byPreference(targets).find(
    (target) => target.url.toLowerCase().includes(needle) || target.title.toLowerCase().includes(needle),
  );
}

/** Pages first (what people mean by "a tab"), then everything else in listed order. */
function byPreference(targets: EndpointTarget[]): EndpointTarget[] {
  return [...targets.filter((target) => target.kind === 'chrome-page'), ...targets.filter((target) => target.kind !== 'chrome-page')];
}

function describeTargets(targets: EndpointTarget[]): string {
  const shown = targets.slice(0, 8).map((target) => `${targetLabel(target)} [${target.kind}, id ${target.id}]`);
  return targets.length > shown.length ? `${shown.join('; ')}; and ${targets.length - shown.length} more` : shown.join('; ');
}

async function getJson(hostPort: string, path: string, signal: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await httpGetText(`http://${hostPort}${path}`, signal);
  } catch (error) {
    throw error instanceof HttpStatusError ? new NotAnInspector() : error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new NotAnInspector();
  }
}

function parseVersion(json: unknown): InspectorVersion {
  const browser = (json as { Browser?: unknown } | null)?.Browser;
  const protocol = (json as { 'Protocol-Version'?: unknown } | null)?.['Protocol-Version'];
  if (typeof browser !== 'string' || typeof protocol !== 'string') throw new NotAnInspector();
  return { product: browser };
}

function toTarget(entry: unknown, hostPort: string): EndpointTarget[] {
  const raw = entry as Record<string, unknown> | null;
  if (!raw || typeof raw.id !== 'string') return [];
  return [
    {
      id: raw.id,
      kind: kindOf(raw.type),
      title: typeof raw.title === 'string' ? raw.title : '',
      url: typeof raw.url === 'string' ? raw.url : '',
      endpoint: hostPort,
      ...(typeof raw.webSocketDebuggerUrl === 'string' ? { webSocketDebuggerUrl: raw.webSocketDebuggerUrl } : {}),
    },
  ];
}

function kindOf(type: unknown): TargetKind {
  switch (type) {
    case 'node':
      return 'node';
    case 'page':
      return 'chrome-page';
    case 'worker':
    case 'shared_worker':
      return 'chrome-worker';
    case 'service_worker':
      return 'chrome-service-worker';
    default:
      return 'other';
  }
}

function describeFetchError(error: unknown, hostPort: string, timeoutMs: number): string {
  if (error instanceof NotAnInspector) return `${hostPort} answered but is not a DevTools inspector.`;
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `${hostPort} did not answer within ${timeoutMs} ms (a firewall, or a process that is stuck).`;
  }
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ECONNREFUSED') return `nothing listens on ${hostPort}.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host of ${hostPort} does not resolve.`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `${hostPort} cannot be reached from this machine.`;
  if (code.startsWith('HPE_') || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
    return `${hostPort} answered but is not a DevTools inspector.`;
  }
  return `${hostPort} could not be read: ${(error as Error).message}`;
}
