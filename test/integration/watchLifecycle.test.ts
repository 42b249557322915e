import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/shared/contract/client';
import type { WatchStatusEvent } from '../../src/shared/model/watches';
import { IDLE_TARGET, startNodeTarget } from '../fixtures/nodeTarget';
import { startTcpProxy } from '../fixtures/tcpProxy';
import { inMemoryDoor, type DoorUnderTest } from '../fixtures/doors';

function statusOf(api: ApiClient, watchId: string, timeoutMs = 15_000): Promise<WatchStatusEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('watch did not end')), timeoutMs);
    const stop = api.on('watchStatus', (event) => {
      if (event.watchId !== watchId) return;
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
}

describe('a watch ends cleanly however the target goes away', () => {
  let door: DoorUnderTest;
  let api: ApiClient;

  beforeEach(async () => {
    door = await inMemoryDoor();
    api = door.api;
  });
  afterEach(async () => {
    await door.close();
  });

  it('a launched script that finishes exits instead of waiting for the debugger, and its output and samples are kept', async () => {
    const script = join(door.root, 'finishes.js');
    await writeFile(script, `console.log('hello from the script'); const a = []; setTimeout(() => { a.push(1); console.error('done'); }, 1500);`);
    const logs: string[] = [];
    api.on('log', (line) => logs.push(`${line.stream}:${line.text}`));
    const watch = await api.call('attach', { request: { by: 'launch', script }, intervalMs: 250 });
    expect(watch.launchedPid).toBeGreaterThan(0);
    const ended = await statusOf(api, watch.watchId);
    expect(ended.status).toBe('target-exited');
    expect(ended.reason).toBe('the process finished its work');
    expect(logs).toEqual(expect.arrayContaining(['stdout:hello from the script', 'stderr:done']));
    expect(logs.some((line) => /Debugger|Waiting for the debugger/.test(line))).toBe(false);
    // The process is gone, not hanging at "Waiting for the debugger to disconnect".
    await expect.poll(() => isAlive(watch.launchedPid!), { timeout: 5000 }).toBe(false);
    const [session] = await api.call('listSessions', {});
    expect(session?.status).toBe('target-exited');
    expect(session?.sampleCount).toBeGreaterThanOrEqual(3);
  });

  it('a launched script that calls process.exit says with which code it exited', async () => {
    const script = join(door.root, 'exits.js');
    await writeFile(script, `setTimeout(() => process.exit(7), 1000);`);
    const watch = await api.call('attach', { request: { by: 'launch', script }, intervalMs: 250 });
    const ended = await statusOf(api, watch.watchId);
    expect(ended.status).toBe('target-exited');
    expect(ended.reason).toBe('the process exited with code 7');
    await expect.poll(() => isAlive(watch.launchedPid!), { timeout: 5000 }).toBe(false);
  });

  it('a target killed mid-watch ends as "target exited" with every sample kept', async () => {
    const target = await startNodeTarget(IDLE_TARGET);
    await target.waitForOutput(/ready/);
    const watch = await api.call('attach', { request: { by: 'pid', pid: target.pid }, intervalMs: 250 });
    expect(watch.notes.join(' ')).toMatch(/SIGUSR1/);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const ended = statusOf(api, watch.watchId);
    await target.kill();
    expect((await ended).status).toBe('target-exited');
    const series = await api.call('getSessionSeries', { sessionId: watch.sessionId });
    expect(series.session.status).toBe('target-exited');
    expect(series.samples.length).toBeGreaterThanOrEqual(4);
  });

  it('a dropped inspector connection to a live target ends as "connection lost"', async () => {
    const target = await startNodeTarget(IDLE_TARGET, { inspect: true });
    const proxy = await startTcpProxy(target.port!);
    try {
      const viaProxy = target.webSocketUrl!.replace(`:${target.port}/`, `:${proxy.port}/`);
      const watch = await api.call('attach', { request: { by: 'url', url: viaProxy }, intervalMs: 250 });
      const ended = statusOf(api, watch.watchId);
      proxy.cut();
      const status = await ended;
      expect(status.status).toBe('connection-lost');
      expect(isAlive(target.pid)).toBe(true);
    } finally {
      await proxy.close();
      await target.kill();
    }
  });

  it('refuses a closed port with a clear TARGET_UNREACHABLE', async () => {
    await expect(api.call('attach', { request: { by: 'endpoint', endpoint: '127.0.0.1:1' } })).rejects.toMatchObject({
      code: 'TARGET_UNREACHABLE',
    });
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
