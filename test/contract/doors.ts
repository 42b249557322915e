import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createApiClient, type ApiClient } from '../../src/shared/contract/client';
import { createWebSocketDoor, type WebSocketLike } from '../../src/shared/contract/webSocketDoor';
import { startServe } from '../../src/main/serve/serveServer';
import { createServices } from '../../src/main/services';

export interface DoorUnderTest {
  api: ApiClient;
  root: string;
  close(): Promise<void>;
}

async function tempRoot(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'heapdeck-contract-'));
}

/** The dispatcher itself, as the CLI uses it. */
export async function inMemoryDoor(): Promise<DoorUnderTest> {
  const root = await tempRoot();
  const services = await createServices(root);
  return {
    api: createApiClient(services.door),
    root,
    async close() {
      await services.shutdown();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A real `serve` server on a loopback port and a real WebSocket client, as the browser uses it. */
export async function webSocketDoor(): Promise<DoorUnderTest> {
  const root = await tempRoot();
  const services = await createServices(root);
  const server = await startServe({ door: services.door, rendererDir: join(root, 'no-renderer'), port: 0 });
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const door = createWebSocketDoor(socket as unknown as WebSocketLike);
  return {
    api: createApiClient(door),
    root,
    async close() {
      door.close();
      await server.close();
      await services.shutdown();
      await rm(root, { recursive: true, force: true });
    },
  };
}
