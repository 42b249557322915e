import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpSession } from '../../src/main/cdp/cdpSession';
import { connectDirect } from '../../src/main/cdp/directSession';
import { createChromeProbe } from '../../src/main/sampling/chromeProbe';
import { evaluateInTarget } from '../../src/main/sampling/evaluateInTarget';
import { startChromium, type ChromiumInstance } from '../fixtures/chromium';
import { IDLE_TARGET, startNodeTarget } from '../fixtures/nodeTarget';

const PAGE = `data:text/html,${encodeURIComponent(`<!doctype html><title>probe</title><body>${'<div>x</div>'.repeat(500)}</body>`)}`;

async function pageSession(chromium: ChromiumInstance): Promise<CdpSession> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const targets = (await (await fetch(`http://${chromium.endpoint}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl?: string }[];
    const page = targets.find((target) => target.type === 'page' && target.url.startsWith('data:'));
    if (page?.webSocketDebuggerUrl) return connectDirect(page.webSocketDebuggerUrl);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Chromium listed no page for the test document');
}

describe('Chrome probe against real headless Chromium', () => {
  let chromium: ChromiumInstance;
  let session: CdpSession;

  beforeAll(async () => {
    chromium = await startChromium(PAGE);
    session = await pageSession(chromium);
    // The page may still be parsing when its target is listed.
    for (let i = 0; i < 100; i++) {
      if ((await evaluateInTarget<number>(session, `document.querySelectorAll('div').length`, 'test code')) === 500) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    await session?.close();
    await chromium?.close();
  });

  it('reads the JS heap and DOM counters, and sees 1000 new elements', async () => {
    const probe = await createChromeProbe(session);
    try {
      const before = await probe.sample();
      expect(before.heapUsedBytes).toBeGreaterThan(0);
      expect(before.heapTotalBytes).toBeGreaterThanOrEqual(before.heapUsedBytes);
      expect(before.heapLimitBytes).toBeGreaterThan(before.heapTotalBytes);
      expect(before.domNodes).toBeGreaterThanOrEqual(500);
      expect(before.documents).toBeGreaterThanOrEqual(1);
      expect(before.frames).toBeGreaterThanOrEqual(1);
      expect(before.jsEventListeners).toBeGreaterThanOrEqual(0);
      expect(before.rssBytes).toBeUndefined();

      await evaluateInTarget(
        session,
        `for (let i = 0; i < 1000; i++) document.body.appendChild(document.createElement('div')); window.kept = new Array(1 << 20).fill(0.5); 0`,
        'test code',
      );
      const after = await probe.sample();
      expect(after.domNodes! - before.domNodes!).toBeGreaterThanOrEqual(1000);
      expect(after.heapUsedBytes - before.heapUsedBytes).toBeGreaterThan(7 * 1024 * 1024);
      expect(await probe.drainGcEvents()).toEqual([]);
    } finally {
      await probe.dispose();
    }
  });

  it('forces a GC and returns a marker measured around the call', async () => {
    const probe = await createChromeProbe(session);
    try {
      await evaluateInTarget(session, `window.kept = null; for (let i = 0; i < 50; i++) new Array(100000).fill({}); 0`, 'test code');
      const before = await probe.sample();
      const startedMs = Date.now();
      const gc = await probe.collectGarbage();
      expect(gc).toMatchObject({ kind: 'major', forced: true });
      expect(gc.heapUsedAfterBytes).toBeUndefined();
      expect(gc.durationMs).toBeGreaterThan(0);
      expect(gc.timestampMs).toBeGreaterThanOrEqual(startedMs - 1);
      const after = await probe.sample();
      expect(after.heapUsedBytes).toBeLessThan(before.heapUsedBytes);
    } finally {
      await probe.dispose();
    }
  });
});

describe('Chrome probe on a target without the Performance domain', () => {
  it('falls back to Runtime.getHeapUsage (here: a Node process)', async () => {
    const target = await startNodeTarget(IDLE_TARGET, { inspect: true });
    const session = await connectDirect(target.webSocketUrl!);
    try {
      const probe = await createChromeProbe(session);
      const sample = await probe.sample();
      expect(sample.heapUsedBytes).toBeGreaterThan(0);
      expect(sample.heapTotalBytes).toBeGreaterThanOrEqual(sample.heapUsedBytes);
      expect(sample.domNodes).toBeUndefined();
      expect(sample.heapLimitBytes).toBeUndefined();
      expect(await probe.collectGarbage()).toMatchObject({ kind: 'major', forced: true });
      await probe.dispose();
    } finally {
      await session.close();
      await target.kill();
    }
  });
});
