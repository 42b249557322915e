import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HeapdeckError } from '../../src/shared/contract/errors';
import { connectDirect } from '../../src/main/cdp/directSession';
import { openInspectorByPid } from '../../src/main/targets/openInspectorByPid';
import { resolveTarget } from '../../src/main/targets/resolveTarget';
import { IDLE_TARGET, startNodeTarget, type NodeTarget } from '../fixtures/nodeTarget';

const noParents = { parentOf: () => undefined };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(source: string, args: string[] = []): Promise<NodeTarget> {
  const target = await startNodeTarget(source, { args });
  cleanups.push(() => target.kill());
  await target.waitForOutput(/ready/); // SIGUSR1 before Node sets up its handler would kill it
  return target;
}

async function rejection(promise: Promise<unknown>): Promise<HeapdeckError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof HeapdeckError)) throw new Error(`expected a HeapdeckError, got ${String(error)}`);
  return error;
}

describe('openInspectorByPid', () => {
  it('opens the inspector of a running process with SIGUSR1, on the port its --inspect-port names', async () => {
    const target = await started(IDLE_TARGET);
    const opened = await openInspectorByPid(target.pid);
    expect(opened.notes).toEqual([
      `Heapdeck sent SIGUSR1 to pid ${target.pid} to switch on its inspector`,
      `inspector opened on 127.0.0.1:${opened.port}`,
    ]);
    // --inspect-port=0: any free port, never 9229; read from the process's own sockets.
    const [, printedPort] = await target.waitForOutput(/Debugger listening on ws:\/\/127\.0\.0\.1:(\d+)\//);
    expect(opened.port).toBe(Number(printedPort));
    const session = await connectDirect(opened.webSocketUrl);
    cleanups.push(() => session.close());
    const answer = await session.send('Runtime.evaluate', { expression: 'process.pid', returnByValue: true });
    expect(answer.result.value).toBe(target.pid);

    const again = await openInspectorByPid(target.pid);
    expect(again).toEqual({ webSocketUrl: opened.webSocketUrl, port: opened.port, notes: [`inspector already open on port ${opened.port}`] });
  });

  it('attaches by pid through resolveTarget and describes the process', async () => {
    const target = await started(IDLE_TARGET);
    const attached = await resolveTarget({ by: 'pid', pid: target.pid }, noParents);
    cleanups.push(() => attached.session.close());
    expect(attached.descriptor).toMatchObject({ kind: 'node', pid: target.pid, product: expect.stringMatching(/^node\.js\//) });
    expect(attached.notes[0]).toMatch(/sent SIGUSR1/);
    const usage = await attached.session.send('Runtime.getHeapUsage');
    expect(usage.usedSize).toBeGreaterThan(0);
  });

  it('says no process has a pid that is not running', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    await once(gone, 'exit');
    const error = await rejection(openInspectorByPid(gone.pid!));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`No process with pid ${gone.pid} is running.`);
  });

  it('names what a process that is not Node runs', async () => {
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    cleanups.push(() => sleeper.kill('SIGKILL'));
    await new Promise((resolve) => setTimeout(resolve, 100)); // past exec, so /proc shows sleep
    const error = await rejection(openInspectorByPid(sleeper.pid!));
    expect(error.code).toBe('TARGET_NOT_NODE');
    expect(error.message).toBe(`pid ${sleeper.pid} is not a Node process: it runs 'sleep 30'.`);
  });

  it('refuses Heapdeck itself', async () => {
    expect((await rejection(openInspectorByPid(process.pid))).code).toBe('INVALID_ARGUMENT');
  });

  it('says which process holds the port the inspector would open on', async () => {
    const holder = createServer();
    holder.listen(0, '127.0.0.1');
    await once(holder, 'listening');
    cleanups.push(() => holder.close());
    const port = (holder.address() as AddressInfo).port;
    const target = await started(IDLE_TARGET, [`--inspect-port=${port}`]);
    const error = await rejection(openInspectorByPid(target.pid));
    expect(error.code).toBe('PORT_IN_USE');
    expect(error.message).toMatch(new RegExp(`^Port ${port} is taken by pid ${process.pid} \\('.*node.*'\\), and pid ${target.pid} would open its inspector there`));
    expect(target.stderr()).not.toMatch(/Debugger listening/); // no signal was sent
  });

  it('explains an app that handles SIGUSR1 itself (Node 20 runs the app handler, opens nothing)', async () => {
    const target = await started(`process.on('SIGUSR1', () => console.log('app got SIGUSR1')); ${IDLE_TARGET}`);
    const error = await rejection(openInspectorByPid(target.pid));
    expect(error.code).toBe('INSPECTOR_NOT_OPENED');
    expect(error.message).toMatch(/did not open its inspector on a free port within 3 s of SIGUSR1.*process\.on\('SIGUSR1'/);
    expect(target.stdout()).toMatch(/app got SIGUSR1/);
    expect(target.child.exitCode).toBeNull();
  });

  it.runIf(process.getuid?.() === 0)("refuses another user's process (run as root: drops to another uid for the call)", async () => {
    const other = spawn(process.execPath, ['--inspect-port=0', '-e', IDLE_TARGET], { uid: 65534, gid: 65534, cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => other.kill('SIGKILL'));
    await once(other.stdout!, 'data');
    process.seteuid!(54321);
    let error: HeapdeckError;
    try {
      error = await rejection(openInspectorByPid(other.pid!));
    } finally {
      process.seteuid!(0);
    }
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toMatch(new RegExp(`pid ${other.pid} belongs to another user \\(uid 65534\\).*Run Heapdeck as that user`));
  });
});
