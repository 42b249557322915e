import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HeapdeckError } from '../../src/shared/contract/errors';
import { connectDirect } from '../../src/main/cdp/directSession';
import type { LaunchedScript } from '../../src/main/targets/connectedTarget';
import { launchScript } from '../../src/main/targets/launchScript';
import { resolveTarget } from '../../src/main/targets/resolveTarget';
import { startNodeTarget } from '../fixtures/nodeTarget';

const noParents = { parentOf: () => undefined };
let dir: string;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'heapdeck-launch-'));
  await writeFile(
    join(dir, 'printer.js'),
    `console.log('first line', process.argv.slice(2).join(','));
console.error('a line on stderr');
setTimeout(() => { process.stdout.write('last line without newline'); }, 50);`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function collect(launched: LaunchedScript): string[] {
  const lines: string[] = [];
  launched.onOutput((stream, line) => lines.push(`${stream}: ${line}`));
  return lines;
}

async function rejection(promise: Promise<unknown>): Promise<HeapdeckError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof HeapdeckError)) throw new Error(`expected a HeapdeckError, got ${String(error)}`);
  return error;
}

describe('launchScript', () => {
  it('starts the script paused, streams its output without the inspector banner, and sees it exit', async () => {
    const { launched, webSocketUrl } = await launchScript({ script: 'printer.js', args: ['a', 'b c'], cwd: dir });
    cleanups.push(() => launched.kill());
    expect(webSocketUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    const lines = collect(launched);
    const session = await connectDirect(webSocketUrl);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines).toEqual([]); // paused before the first line

    await session.send('Runtime.runIfWaitingForDebugger');
    // Node 20: a script that finishes while a debugger is attached waits for it to let go.
    const stillRunning = await Promise.race([launched.exited.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 500))]);
    expect(stillRunning).toBe(true);
    await session.close();
    expect(await launched.exited).toEqual({ code: 0, signal: null });
    expect(lines).toEqual(['stdout: first line a,b c', 'stderr: a line on stderr', 'stdout: last line without newline']);
  });

  it('says a missing script is missing, before starting anything', async () => {
    const error = await rejection(launchScript({ script: 'nope.js', cwd: dir }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`The script ${join(dir, 'nope.js')} does not exist.`);
  });

  it('says a Node binary that cannot be found cannot be found', async () => {
    const error = await rejection(launchScript({ script: 'printer.js', cwd: dir, nodePath: join(dir, 'no-node') }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/Cannot run Node at '.*no-node': it was not found/);
  });

  it('reports a process that exits before its inspector opens, with its last output', async () => {
    // A "Node" that is not one: a shell rejects --inspect-brk and exits.
    const error = await rejection(launchScript({ script: 'printer.js', cwd: dir, nodePath: '/bin/sh' }));
    expect(error.code).toBe('TARGET_UNREACHABLE');
    expect(error.message).toMatch(/printer\.js exited with code \d+ before its inspector opened\. Its last output: \/bin\/sh: .*option/is);
  });
});

describe('resolveTarget with launch', () => {
  it('launches paused, describes the script, and resume() lets it run', async () => {
    const target = await resolveTarget({ by: 'launch', script: join(dir, 'printer.js') }, noParents);
    cleanups.push(() => target.launched?.kill());
    cleanups.push(() => target.session.close());
    expect(target.launched).toBeDefined();
    expect(target.descriptor).toMatchObject({ kind: 'node', pid: target.launched!.pid, title: 'printer.js', url: `file://${join(dir, 'printer.js')}` });
    expect(target.notes).toEqual([`Heapdeck started printer.js as pid ${target.launched!.pid}, paused until watching starts`]);
    const lines = collect(target.launched!);
    await target.resume();
    await expect.poll(() => lines).toEqual(['stdout: first line ', 'stderr: a line on stderr']);
    await target.session.close();
    expect((await target.launched!.exited).code).toBe(0);
    // A last line without a newline arrives when the stream ends.
    expect(lines).toEqual(['stdout: first line ', 'stderr: a line on stderr', 'stdout: last line without newline']);
  });
});

describe('a target that goes away', () => {
  it('ends the session and fails pending calls when the process dies', async () => {
    const node = await startNodeTarget(`console.log('ready'); setInterval(() => {}, 1000);`, { inspect: true });
    cleanups.push(() => node.kill());
    const attached = await resolveTarget({ by: 'url', url: node.webSocketUrl! }, noParents);
    const disconnected = new Promise<void>((resolve) => attached.session.onDisconnect(resolve));
    // A call that cannot finish before the process is gone: evaluation waits on a promise.
    const pending = rejection(attached.session.send('Runtime.evaluate', { expression: 'new Promise(() => {})', awaitPromise: true }));
    await node.kill();
    await disconnected;
    expect(attached.session.closed).toBe(true);
    const error = await pending;
    expect(error.code).toBe('TARGET_DETACHED');
    expect(error.message).toMatch(/^Runtime\.evaluate was not answered: the target disconnected/);
  });

  it('says a pid that exited is gone, and a URL of a process that exited is unreachable', async () => {
    const node = await startNodeTarget(`console.log('ready'); setInterval(() => {}, 1000);`, { inspect: true });
    await node.kill();
    expect((await rejection(resolveTarget({ by: 'pid', pid: node.pid }, noParents))).code).toBe('NOT_FOUND');
    const error = await rejection(resolveTarget({ by: 'url', url: node.webSocketUrl! }, noParents));
    expect(error.code).toBe('TARGET_UNREACHABLE');
    expect(error.message).toMatch(/nothing is listening there/);
  });
});
