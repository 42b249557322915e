import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Door } from '../../shared/contract/door';
import { HeapdeckError } from '../../shared/contract/errors';
import { failure } from '../../shared/contract/result';
import { isCallMessage, type ServerMessage } from '../../shared/contract/rpc';
import { AccessPolicy } from './accessPolicy';
import { serveStaticFile } from './staticFiles';

/** Calls are small; anything bigger is a misbehaving client. */
const MAX_MESSAGE_BYTES = 1024 * 1024;
/** A client that stops reading must not make the server buffer events without bound. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface ServeOptions {
  door: Door;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface ServeHandle {
  /** The URL to open, with this launch's token in its fragment (never sent over HTTP). */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The `serve` door: the UI over HTTP and the API over a WebSocket, on 127.0.0.1 only. */
export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  const policy = new AccessPolicy();
  const server = createServer((request, response) => {
    if (!policy.hostAllowed(request)) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Heapdeck answers only to 127.0.0.1 and localhost.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    void serveStaticFile(options.rendererDir, request.url ?? '/', response);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const refusal = refuse(policy, request, url);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => connectClient(client, options.door));
  });

  await listen(server, options.port);
  const port = (server.address() as AddressInfo).port;
  policy.setPort(port);
  return {
    url: `http://127.0.0.1:${port}/#token=${policy.token}`,
    port,
    token: policy.token,
    close: () => closeAll(server, sockets),
  };
}

function refuse(policy: AccessPolicy, request: IncomingMessage, url: URL): string | undefined {
  if (url.pathname !== '/rpc') return '404 Not Found';
  if (!policy.hostAllowed(request) || !policy.originAllowed(request)) return '403 Forbidden';
  if (!policy.tokenValid(url.searchParams.get('token'))) return '401 Unauthorized';
  return undefined;
}

function connectClient(client: WebSocket, door: Door): void {
  const send = (message: ServerMessage) => {
    if (client.readyState !== client.OPEN) return;
    if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
      client.terminate();
      return;
    }
    client.send(JSON.stringify(message));
  };
  const unsubscribe = door.subscribe((event, payload) => send({ type: 'event', event, payload }));
  client.on('close', unsubscribe);
  client.on('message', async (data) => {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (!isCallMessage(message)) return;
    const result = await door.invoke(message.method, message.params).catch((error: unknown) => failure(error));
    send({ type: 'result', id: message.id, result });
  });
  client.on('error', () => client.terminate());
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new HeapdeckError('PORT_IN_USE', `Port ${port} is already in use; pick another with --port, or 0 for any free port.`)
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function closeAll(server: Server, sockets: WebSocketServer): Promise<void> {
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
