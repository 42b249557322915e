import { HeapdeckError } from './contract/errors';
import type { AttachRequest } from './model/targets';

/** A parsed inspector endpoint; `host` carries no brackets, even for IPv6. */
export interface Endpoint {
  host: string;
  port: number;
}

const ACCEPTED_TARGETS =
  'Use pid:<n> (a running Node process), a ws:// or wss:// debugger URL, host:port (e.g. 127.0.0.1:9229) or a bare port (e.g. 9229).';

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

/**
 * Parses the CLI's `<target>` argument into an attach request. `tab` (a URL substring, title
 * substring or target id) picks one target of an endpoint that lists several, such as Chrome.
 */
export function parseTargetSpec(spec: string, tab?: string): AttachRequest {
  const text = spec.trim();
  if (text === '') throw new HeapdeckError('INVALID_ARGUMENT', `No target given. ${ACCEPTED_TARGETS}`);
  const match = tab?.trim() || undefined;

  if (/^pid:/i.test(text)) {
    rejectTab(match, 'a pid');
    return { by: 'pid', pid: parsePid(text.slice(4)) };
  }
  if (/^wss?:\/\//i.test(text)) {
    rejectTab(match, 'a ws:// URL');
    return { by: 'url', url: parseDebuggerUrl(text) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^https?:\/\//i.test(text)) {
    throw new HeapdeckError('INVALID_ARGUMENT', `'${text}' is not a target. ${ACCEPTED_TARGETS}`);
  }
  const endpoint = readEndpoint(text);
  if ('problem' in endpoint) throw new HeapdeckError('INVALID_ARGUMENT', `'${text}' is not a target: ${endpoint.problem} ${ACCEPTED_TARGETS}`);
  return { by: 'endpoint', endpoint: formatEndpoint(endpoint), ...(match ? { match } : {}) };
}

/**
 * Parses `host:port`, `[v6]:port`, a bare port (meaning 127.0.0.1) or `http://host:port/`,
 * as people copy them from chrome://inspect or a `--inspect` banner.
 */
export function parseEndpoint(text: string): Endpoint {
  const read = readEndpoint(text);
  if ('problem' in read) {
    throw new HeapdeckError('INVALID_ARGUMENT', `'${text.trim()}' is not an inspector endpoint: ${read.problem} Use host:port (e.g. 127.0.0.1:9229) or a bare port.`);
  }
  return read;
}

function readEndpoint(text: string): Endpoint | { problem: string } {
  const trimmed = text.trim().replace(/^https?:\/\//i, '').replace(/\/(json(\/\w*)?)?$/i, '');
  if (trimmed === '') return { problem: 'it is empty.' };
  if (/^\d+$/.test(trimmed)) return withPort('127.0.0.1', trimmed);

  const bracketed = /^\[([^\]]+)\]:(.*)$/.exec(trimmed);
  if (bracketed) {
    const [, host = '', port = ''] = bracketed;
    if (!IPV6.test(host) || !host.includes(':')) return { problem: `'${host}' is not an IPv6 address.` };
    return withPort(host, port);
  }
  const colon = trimmed.lastIndexOf(':');
  if (colon < 0) return { problem: 'the port is missing.' };
  const host = trimmed.slice(0, colon);
  if (host.includes(':')) return { problem: 'write an IPv6 host in brackets, like [::1]:9229.' };
  if (!HOST_NAME.test(host)) return { problem: `'${host}' is not a host name or IP address.` };
  return withPort(host, trimmed.slice(colon + 1));
}

function withPort(host: string, text: string): Endpoint | { problem: string } {
  if (!/^\d+$/.test(text)) return { problem: text === '' ? 'the port is missing.' : `'${text}' is not a port number.` };
  const port = Number(text);
  if (port < 1 || port > 65535) return { problem: `port ${port} is outside 1-65535.` };
  return { host, port };
}

/** `host:port`, with brackets around an IPv6 host so it can go into a URL. */
export function formatEndpoint({ host, port }: Endpoint): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Checks a debugger WebSocket URL (`ws://` or `wss://` with a host) and returns it trimmed. */
export function parseDebuggerUrl(text: string): string {
  const trimmed = text.trim();
  const invalid = (why: string) =>
    new HeapdeckError('INVALID_ARGUMENT', `'${trimmed}' is not a debugger URL: ${why} It looks like ws://127.0.0.1:9229/<id>.`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw invalid('it is not a URL.');
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw invalid(`it starts with ${url.protocol}// instead of ws:// or wss://.`);
  if (url.hostname === '') throw invalid('it names no host.');
  return trimmed;
}

function parsePid(text: string): number {
  const pid = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(pid) || pid <= 0) {
    throw new HeapdeckError('INVALID_ARGUMENT', `'pid:${text}' names no process: a pid is a positive whole number, like pid:4242.`);
  }
  return pid;
}

function rejectTab(tab: string | undefined, what: string): void {
  if (tab) {
    throw new HeapdeckError('INVALID_ARGUMENT', `A tab only picks among the targets of a host:port endpoint; ${what} names one target already.`);
  }
}
