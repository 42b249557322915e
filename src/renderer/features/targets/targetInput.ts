import type { AttachRequest } from '../../../shared/model/targets';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const HOST_PORT = /^(\[[0-9a-f:]+\]|[a-z0-9.-]+):(\d{1,5})$/i;

/**
 * An inspector endpoint as `host:port`. Accepts what people paste: `9229`, `localhost:9229`,
 * `http://127.0.0.1:9222/json/list`.
 */
export function parseEndpoint(input: string): Parsed<string> {
  const text = input.trim().replace(/^https?:\/\//i, '').replace(/\/.*$/, '');
  if (!text) return { ok: false, message: 'Enter a host:port, e.g. 127.0.0.1:9229.' };
  const withHost = /^\d+$/.test(text) ? `127.0.0.1:${text}` : text;
  const match = HOST_PORT.exec(withHost);
  if (!match) return { ok: false, message: `"${input.trim()}" is not a host:port, e.g. 127.0.0.1:9229.` };
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return { ok: false, message: `Port ${port} is out of range (1 to 65535).` };
  return { ok: true, value: `${match[1]!.toLowerCase()}:${port}` };
}

/** "Connect by URL": a debugger `ws://` URL, or an endpoint's host:port. */
export function parseConnectInput(input: string): Parsed<AttachRequest> {
  const text = input.trim();
  if (/^wss?:\/\//i.test(text)) {
    try {
      new URL(text);
    } catch {
      return { ok: false, message: `"${text}" is not a valid WebSocket URL.` };
    }
    return { ok: true, value: { by: 'url', url: text } };
  }
  const endpoint = parseEndpoint(text);
  if (!endpoint.ok) {
    return { ok: false, message: 'Enter a ws://… debugger URL or a host:port such as 127.0.0.1:9229.' };
  }
  return { ok: true, value: { by: 'endpoint', endpoint: endpoint.value } };
}

/**
 * Script arguments as typed in one box: split on spaces, except inside single or double
 * quotes, so `--name "two words"` stays two arguments.
 */
export function splitArgs(input: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  let inArg = false;
  for (const char of input) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inArg = true;
    } else if (/\s/.test(char)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += char;
      inArg = true;
    }
  }
  if (inArg) args.push(current);
  return args;
}
