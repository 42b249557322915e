import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../contentSecurityPolicy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};


/** Serves the built renderer folder; anything outside it is a 404, never a file. */
export async function serveStaticFile(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const relative = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const wanted = relative === '/' ? '/index.html' : relative;
  const absoluteRoot = resolve(root);
  const path = resolve(join(absoluteRoot, normalize(wanted)));
  if (!path.startsWith(absoluteRoot + sep)) return notFound(response);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return notFound(response);
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  createReadStream(path).pipe(response);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
}
