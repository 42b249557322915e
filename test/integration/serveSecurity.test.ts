import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServices, type Services } from '../../src/main/services';
import { startServe, type ServeHandle } from '../../src/main/serve/serveServer';
import { SNAPSHOT_WORKER_PATH } from '../fixtures/builtWorker';

function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with "open" or the HTTP status the server refused the upgrade with. */
function tryWebSocket(url: string, origin?: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    socket.once('error', (error) => resolve(`error: ${error.message}`));
  });
}

describe('serve mode access rules', () => {
  let root: string;
  let services: Services;
  let server: ServeHandle;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'heapdeck-serve-'));
    await mkdir(join(root, 'renderer'));
    await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Heapdeck</title>');
    await writeFile(join(root, 'secret.txt'), 'not for the browser');
    services = await createServices(root, { snapshotWorkerPath: SNAPSHOT_WORKER_PATH });
    server = await startServe({ door: services.door, rendererDir: join(root, 'renderer'), port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await services.shutdown();
    await rm(root, { recursive: true, force: true });
  });

  it('prints a loopback URL whose token travels in the fragment, not to the server', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the UI with a strict CSP', async () => {
    const page = await get(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Heapdeck');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('refuses other Host names (DNS rebinding) and paths outside the UI folder', async () => {
    expect((await get(server.port, '/', { host: 'attacker.example:80' })).status).toBe(421);
    expect((await get(server.port, '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get(server.port, '/..%2fsecret.txt')).status).toBe(404);
  });

  it('opens the API socket only with the token and from our own origin', async () => {
    const base = `ws://127.0.0.1:${server.port}/rpc`;
    expect(await tryWebSocket(base)).toBe('401');
    expect(await tryWebSocket(`${base}?token=wrong`)).toBe('401');
    expect(await tryWebSocket(`${base}?token=${server.token}`, 'http://attacker.example')).toBe('403');
    expect(await tryWebSocket(`${base}?token=${server.token}`, `http://127.0.0.1:${server.port}`)).toBe('open');
    expect(await tryWebSocket(`${base}?token=${server.token}`)).toBe('open');
  });
});
