import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeapdeckError } from '../../src/shared/contract/errors';
import { discoverWebSocketUrl, listEndpoint } from '../../src/main/cdp/endpoints';
import { listNodeProcesses } from '../../src/main/targets/nodeProcesses';
import { createPsTable } from '../../src/main/targets/psTable';
import { resolveTarget } from '../../src/main/targets/resolveTarget';
import { startChromium, type ChromiumInstance } from '../fixtures/chromium';
import { IDLE_TARGET, openInspectorBySignal, startNodeTarget, type NodeTarget } from '../fixtures/nodeTarget';

const noParents = { parentOf: () => undefined };

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** A page is listed at once but keeps its URL as title until it has loaded. */
async function waitForLoadedPages(endpoint: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const loaded = (await listEndpoint(endpoint)).targets.filter((target) => target.title.startsWith('Heapdeck page'));
    if (loaded.length === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Chromium did not load ${count} pages within 10 s`);
}

async function rejection(promise: Promise<unknown>): Promise<HeapdeckError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof HeapdeckError)) throw new Error(`expected a HeapdeckError, got ${String(error)}`);
  return error;
}

describe('listEndpoint', () => {
  let node: NodeTarget;
  let web: Server;
  let webPort: number;

  beforeAll(async () => {
    node = await startNodeTarget(`console.log('ready'); setInterval(() => {}, 1000);`, { inspect: true });
    web = createServer((request, response) => {
      response.writeHead(request.url === '/' ? 200 : 404, { 'content-type': 'text/html' });
      response.end('<title>not an inspector</title>');
    });
    webPort = await listen(web);
  });
  afterAll(async () => {
    await node.kill();
    web.close();
  });

  it('lists the one target of a real Node inspector as kind node', async () => {
    const listing = await listEndpoint(`127.0.0.1:${node.port}`);
    expect(listing).toMatchObject({ endpoint: `127.0.0.1:${node.port}`, reachable: true });
    expect(listing.product).toMatch(/^node\.js\/v\d+/);
    expect(listing.targets).toHaveLength(1);
    // Node's title is its process title (argv[0] here) and pid.
    expect(listing.targets[0]).toMatchObject({ kind: 'node', title: expect.stringMatching(new RegExp(`node\\[${node.pid}\\]$`)), webSocketDebuggerUrl: node.webSocketUrl });
  });

  it('reads an inspector on a port that fetch() refuses (WHATWG "bad ports")', async () => {
    // 6665-6669 are on fetch's blocked list; an inspector may still be there.
    for (const port of [6665, 6666, 6667, 6668, 6669]) {
      const target = await startNodeTarget(IDLE_TARGET, { args: [`--inspect=127.0.0.1:${port}`] });
      try {
        const opened = await target.waitForOutput(/Debugger listening on|address already in use/);
        if (/already in use/.test(opened[0])) continue;
        const listing = await listEndpoint(`127.0.0.1:${port}`);
        expect(listing.reachable, listing.error).toBe(true);
        expect(listing.targets[0]?.kind).toBe('node');
        return;
      } finally {
        await target.kill();
      }
    }
  });

  it('says nothing listens on a closed port, without throwing', async () => {
    const closed = createServer();
    const port = await listen(closed);
    closed.close();
    await once(closed, 'close');
    const listing = await listEndpoint(String(port));
    expect(listing).toEqual({ endpoint: `127.0.0.1:${port}`, reachable: false, error: `nothing listens on 127.0.0.1:${port}.`, targets: [] });
  });

  it('says an HTTP server that is not an inspector is not one', async () => {
    const listing = await listEndpoint(`localhost:${webPort}`);
    expect(listing.reachable).toBe(false);
    expect(listing.error).toBe(`localhost:${webPort} answered but is not a DevTools inspector.`);
  });

  it('says when an endpoint does not answer in time', async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    const port = await listen(silent);
    const listing = await listEndpoint(`127.0.0.1:${port}`, 200);
    silent.closeAllConnections();
    silent.close();
    expect(listing.error).toMatch(/did not answer within 200 ms/);
  });

  it('returns a malformed endpoint as unreachable with the reason', async () => {
    const listing = await listEndpoint('localhost');
    expect(listing).toMatchObject({ reachable: false, targets: [] });
    expect(listing.error).toMatch(/port is missing/);
  });

  it('resolves a Node endpoint and a ws:// URL to a described session', async () => {
    const byEndpoint = await resolveTarget({ by: 'endpoint', endpoint: `127.0.0.1:${node.port}` }, noParents);
    const byUrl = await resolveTarget({ by: 'url', url: node.webSocketUrl! }, noParents);
    try {
      for (const target of [byEndpoint, byUrl]) {
        expect(target.descriptor).toMatchObject({ kind: 'node', pid: node.pid, debuggerUrl: node.webSocketUrl, url: 'file://' });
        expect(target.descriptor.product).toMatch(/^node\.js\//);
        expect(target.notes).toEqual([]);
      }
      // Node 20 takes a second debugger connection: both sessions answer.
      const answers = await Promise.all(
        [byEndpoint, byUrl].map((target) => target.session.send('Runtime.evaluate', { expression: '6 * 7', returnByValue: true })),
      );
      expect(answers.map((answer) => answer.result.value)).toEqual([42, 42]);
      // ...and keeps listing the debugger URL while clients are attached.
      expect((await listEndpoint(`127.0.0.1:${node.port}`)).targets[0]?.webSocketDebuggerUrl).toBe(node.webSocketUrl);
    } finally {
      await byEndpoint.session.close();
      await byUrl.session.close();
    }
  });

  it('rejects a malformed debugger URL before connecting', async () => {
    const error = await rejection(resolveTarget({ by: 'url', url: 'http://127.0.0.1:9229/abc' }, noParents));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/instead of ws:\/\//);
  });

  it('reports an unreachable endpoint on attach', async () => {
    const error = await rejection(resolveTarget({ by: 'endpoint', endpoint: `127.0.0.1:${webPort}` }, noParents));
    expect(error.code).toBe('TARGET_UNREACHABLE');
    expect(error.message).toMatch(/answered but is not a DevTools inspector/);
  });
});

describe('Chromium endpoint', () => {
  let chromium: ChromiumInstance;
  let pages: Server;

  beforeAll(async () => {
    pages = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<title>Heapdeck page ${request.url}</title><p>hello</p>`);
    });
    const port = await listen(pages);
    chromium = await startChromium(`http://127.0.0.1:${port}/first`);
    // A second tab, so picking among several pages is tested for real.
    await fetch(`http://${chromium.endpoint}/json/new?http://127.0.0.1:${port}/second`, { method: 'PUT' });
    await waitForLoadedPages(chromium.endpoint, 2);
  }, 30_000);
  afterAll(async () => {
    await chromium?.close();
    pages?.close();
  });

  it('lists page targets as chrome-page with the browser product', async () => {
    const listing = await listEndpoint(chromium.endpoint);
    expect(listing.reachable).toBe(true);
    expect(listing.product).toMatch(/Chrome\//);
    const pageUrls = listing.targets.filter((target) => target.kind === 'chrome-page').map((target) => target.url);
    expect(pageUrls).toEqual(expect.arrayContaining([expect.stringMatching(/\/first$/), expect.stringMatching(/\/second$/)]));
  });

  it('picks a tab by URL part, by id, or the first page, and says what else there was', async () => {
    const second = await discoverWebSocketUrl(chromium.endpoint, '/SECOND');
    expect(second.target.url).toMatch(/\/second$/);
    const byId = await discoverWebSocketUrl(chromium.endpoint, second.target.id);
    expect(byId.webSocketUrl).toBe(second.webSocketUrl);
    const first = await discoverWebSocketUrl(chromium.endpoint);
    expect(first.target.kind).toBe('chrome-page');
    expect(first.targets.length).toBeGreaterThanOrEqual(2);
  });

  it('lists what is there when a tab matches nothing', async () => {
    const error = await rejection(discoverWebSocketUrl(chromium.endpoint, 'no-such-tab'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/No target of 127\.0\.0\.1:\d+ matches 'no-such-tab'\. It lists: .*Heapdeck page \/first/);
  });

  it('attaches to a page by tab and notes which of several it picked', async () => {
    const target = await resolveTarget({ by: 'endpoint', endpoint: chromium.endpoint, match: 'second' }, noParents);
    try {
      expect(target.descriptor).toMatchObject({ kind: 'chrome-page', title: 'Heapdeck page /second' });
      expect(target.descriptor.pid).toBeUndefined();
      expect(target.notes[0]).toMatch(/lists \d+ targets; picked 'Heapdeck page \/second' .* for 'second'/);
      const answer = await target.session.send('Runtime.evaluate', { expression: 'location.pathname', returnByValue: true });
      expect(answer.result.value).toBe('/second');
    } finally {
      await target.session.close();
    }
  });
});

describe('listNodeProcesses', () => {
  let target: NodeTarget;

  beforeAll(async () => {
    // An app with its own HTTP server and a rewritten process title: only the inspector port
    // may count, and the process must still be known as Node.
    target = await startNodeTarget(
      `process.title = 'renamed-app'; require('http').createServer((q, s) => s.end('app')).listen(0, '127.0.0.1', () => console.log('ready'));`,
    );
    await target.waitForOutput(/ready/);
  });
  afterAll(() => target.kill());

  it('finds a Node process with its pid and memory, then its inspector once open', async () => {
    const startedMs = performance.now();
    const before = (await listNodeProcesses()).find((entry) => entry.pid === target.pid);
    const durationMs = performance.now() - startedMs;
    expect(before).toMatchObject({ pid: target.pid, command: expect.stringMatching(/renamed-app/), inspectorPorts: [], otherUser: false });
    expect(before!.rssBytes).toBeGreaterThan(1024 * 1024);
    expect(durationMs).toBeLessThan(2000);

    await openInspectorBySignal(target);
    const after = (await listNodeProcesses()).find((entry) => entry.pid === target.pid);
    expect(after?.inspectorPorts).toEqual([target.port]);
  });

  it('leaves Heapdeck itself out', async () => {
    expect((await listNodeProcesses()).some((entry) => entry.pid === process.pid)).toBe(false);
  });

  it('finds Node processes through ps and lsof too (the macOS path)', async () => {
    // ps shows a rewritten title instead of the binary, so this one keeps its name.
    const plain = await startNodeTarget(IDLE_TARGET);
    try {
      await plain.waitForOutput(/ready/); // SIGUSR1 before Node set up its handler would kill it
      await openInspectorBySignal(plain);
      const entry = (await listNodeProcesses(createPsTable())).find((found) => found.pid === plain.pid);
      expect(entry).toMatchObject({ pid: plain.pid, inspectorPorts: [plain.port] });
      expect(entry!.rssBytes).toBeGreaterThan(1024 * 1024);
    } finally {
      await plain.kill();
    }
  });
});
