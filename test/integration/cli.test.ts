import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/runCli';
import { IDLE_TARGET, startNodeTarget, type NodeTarget } from '../fixtures/nodeTarget';
import { tempHome } from '../fixtures/tempHome';
import { SNAPSHOT_WORKER_PATH } from '../fixtures/builtWorker';

async function cli(argv: string[], root: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    root,
    rendererDir: '/nonexistent',
    snapshotWorkerPath: SNAPSHOT_WORKER_PATH,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    progress: () => undefined,
    interrupted: new Promise(() => undefined),
  });
  return { code, out, err };
}

describe('heapdeck CLI', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  let target: NodeTarget;

  beforeAll(async () => {
    home = await tempHome();
    target = await startNodeTarget(IDLE_TARGET, { inspect: true });
  });
  afterAll(async () => {
    await target.kill();
    await home.remove();
  });

  it('targets --json lists the process and its endpoint', async () => {
    const { code, out } = await cli(['targets', '--json', '--endpoint', `127.0.0.1:${target.port}`], home.root);
    expect(code).toBe(0);
    const listing = JSON.parse(out.join('\n'));
    expect(listing.processes.some((p: { pid: number }) => p.pid === target.pid)).toBe(true);
    expect(listing.endpoints.find((e: { endpoint: string }) => e.endpoint === `127.0.0.1:${target.port}`).reachable).toBe(true);
  });

  it('watch --json prints one JSON sample per interval and exits 0 after --duration', async () => {
    const { code, out, err } = await cli(['watch', `127.0.0.1:${target.port}`, '--interval', '250ms', '--duration', '2s', '--json'], home.root);
    expect(code, err.join('\n')).toBe(0);
    const samples = out.map((line) => JSON.parse(line)).filter((event) => event.type === 'sample');
    expect(samples.length).toBeGreaterThanOrEqual(6);
    expect(samples[0].heapUsedBytes).toBeGreaterThan(0);
    expect(err.join('\n')).toMatch(/Recording to session/);
  });

  it('gc forces a collection on a ws:// target', async () => {
    const { code, out } = await cli(['gc', target.webSocketUrl!], home.root);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Forced GC .* ms/);
  });

  it('snapshots --json lists a snapshot taken with "heapdeck snapshot", with its target', async () => {
    const path = join(home.root, 'cli.heapsnapshot');
    const taken = await cli(['snapshot', `127.0.0.1:${target.port}`, '-o', path, '--no-gc'], home.root);
    expect(taken.code, taken.err.join('\n')).toBe(0);
    const { code, out } = await cli(['snapshots', '--json'], home.root);
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual([
      expect.objectContaining({ path, source: 'imported', missing: false, sessionId: expect.any(String), target: expect.objectContaining({ pid: target.pid }) }),
    ]);
    const text = await cli(['snapshots'], home.root);
    expect(text.out.join('\n')).toContain(path);
  });

  it('exit code 2 for usage errors, 3 for an unreachable target', async () => {
    expect((await cli(['watch'], home.root)).code).toBe(2);
    expect((await cli(['watch', 'pid:abc'], home.root)).code).toBe(2);
    expect((await cli(['watch', '127.0.0.1:9', '--interval', 'fast'], home.root)).code).toBe(2);
    expect((await cli(['frobnicate'], home.root)).code).toBe(2);
    const closed = await cli(['watch', '127.0.0.1:1', '--duration', '1s'], home.root);
    expect(closed.code).toBe(3);
    expect(closed.err.join('\n')).toMatch(/TARGET_UNREACHABLE/);
    expect((await cli(['gc', 'pid:999999'], home.root)).code).toBe(3);
  });
});
