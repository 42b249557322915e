import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/main/os/processAlive';
import type { HeapdeckReport } from '../../src/shared/model/report';
import { CLEAN_APP, LEAKY_APP, loadScenario, QUITTING_APP, writeFiles } from '../fixtures/checkApps';
import { runCliIn } from '../fixtures/cliRunner';
import { LIVE_MAP_CACHE } from '../fixtures/mapCacheLeak';
import { startNodeTarget } from '../fixtures/nodeTarget';
import { validateReport } from '../fixtures/reportSchema';
import { tempHome } from '../fixtures/tempHome';

const MB = 1024 * 1024;
// Generous for a clean app's heap, tight for one that keeps 500 entries a request.
const BUDGETS = [
  { kind: 'totalHeap', maxBytes: 64 * MB },
  { kind: 'growthPerSnapshot', maxBytes: 1 * MB },
  { kind: 'classRetained', className: 'RequestLog', maxBytes: 1 * MB },
];

// The analysis cache of each snapshot lands beside it too.
async function snapshotFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.heapsnapshot')).sort();
}

async function gone(pid: number, withinMs = 5000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('heapdeck check', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  let budgetPath: string;

  beforeAll(async () => {
    home = await tempHome();
    budgetPath = join(home.root, 'budgets.json');
    await writeFile(budgetPath, JSON.stringify(BUDGETS));
  });
  afterAll(async () => {
    await home.remove();
  });

  /** A folder with the app and its scenario, as a project would have them. */
  async function project(app: string, scenario: (dir: string) => string = (dir) => loadScenario(dir)) {
    const dir = await mkdtemp(join(home.root, 'app-'));
    return { dir, ...(await writeFiles(dir, { 'app.js': app, 'load.js': scenario(dir) })) };
  }

  async function check(argv: string[]) {
    const { code, out, err } = await runCliIn(home.root, ['check', ...argv]);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('passes a clean app under load within its budgets, writes a valid JSON report and stops the app', async () => {
    const app = await project(CLEAN_APP);
    const outDir = join(app.dir, 'snapshots');
    const reportPath = join(app.dir, 'reports', 'heapdeck.json');
    const { code, out, err } = await check([
      '--launch', `node --max-old-space-size=128 "${app['app.js']}"`, '--scenario', app['load.js'], '--interval', '500ms',
      '--budget', budgetPath, '--report', reportPath, '--out-dir', outDir,
    ]);
    expect(code, `${out}\n${err}`).toBe(0);
    expect(out).toMatch(/^PASS: no leak found, every budget met \(exit 0\)/);
    expect(out).toMatch(/PASS {2}total heap ≤ 64\.0 MB/);
    // The scenario ran as documented: a warm-up, then once before each later snapshot.
    expect(err).toMatch(/\[scenario\] iteration 0 of 3, pid \d+/);
    expect(err).toMatch(/\[scenario\] iteration 2 of 3/);
    expect(err).not.toMatch(/iteration 3 of 3/);
    expect(err).toMatch(/snapshot 3\/3: heap [\d.]+ MB after GC, wrote snapshot-3\.heapsnapshot/);

    // Only the snapshots: no analysis cache beside them doubling the CI artifacts.
    expect((await readdir(outDir)).sort()).toEqual(['snapshot-1.heapsnapshot', 'snapshot-2.heapsnapshot', 'snapshot-3.heapsnapshot']);
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as HeapdeckReport;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.kind).toBe('trend');
    expect(report.snapshots.map((file) => file.path)).toEqual([1, 2, 3].map((n) => join(outDir, `snapshot-${n}.heapsnapshot`)));
    expect(report.budgets?.every((result) => result.pass)).toBe(true);
    // The report carries the check's recorded timeline, and the heap limit the node flag set.
    expect(report.session?.samples.length).toBeGreaterThan(0);
    expect(report.session?.environment.heapLimitBytes).toBeLessThan(256 * MB);

    const pid = Number(/pid (\d+)/.exec(err)?.[1]);
    expect(await gone(pid), `launched app ${pid} still running`).toBe(true);
  }, 60_000);

  it('fails a leaking app on its budgets (exit 4) and names the leak it found', async () => {
    const app = await project(LEAKY_APP);
    const { code, out, err } = await check(['--launch', app['app.js'], '--scenario', app['load.js'], '--interval', '500ms', '--budget', budgetPath]);
    expect(code, `${out}\n${err}`).toBe(4);
    expect(out).toMatch(/^FAIL: 2 budgets failed, \d+ leaks? found \(exit 4\)/);
    expect(out).toMatch(/FAIL {2}growth per snapshot ≤ 1\.0 MB \(highest: [\d.]+ MB\)/);
    expect(out).toMatch(/FAIL {2}retained by RequestLog ≤ 1\.0 MB/);
    expect(out).toMatch(/PASS {2}total heap/);
    expect(out).toMatch(/- A Map \(RequestLog\.entries\) grew in every snapshot: \d+ → \d+ entries/);
    expect(out).toMatch(/ {4}Map: RequestLog\.entries ← /);
    // Without --out-dir the snapshots still land in a folder of their own, and the summary says where.
    const snapshotsDir = /^Snapshots: (\S+) \(snapshot-1/m.exec(out)?.[1];
    expect(snapshotsDir).toMatch(/heapdeck-check-/);
    expect(await snapshotFiles(snapshotsDir!)).toHaveLength(3);
    await rm(snapshotsDir!, { recursive: true });
  }, 60_000);

  it('finds a leak that grows on its own, without scenario or budgets (exit 5), and says so in one JSON object', async () => {
    const app = await project(LIVE_MAP_CACHE);
    const { code, out, err } = await check(['--launch', `node ${app['app.js']}`, '--interval', '500ms', '--json']);
    expect(code, `${out}\n${err}`).toBe(5);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ outcome: 'leak-found', exitCode: 5, target: { kind: 'node' }, budgets: [] });
    expect(result.snapshots).toHaveLength(3);
    const growing = result.leaks.find((leak: { kind: string }) => leak.kind === 'growing-collection');
    expect(growing).toMatchObject({ className: 'Map', title: expect.stringMatching(/^A Map \(SessionCache\.sessions\) grew/) });
    expect(growing.path).toMatch(/^SessionCache\.sessions ← /);
    expect(err).toMatch(/waiting 0\.5 s before snapshot 1\/3/);
    await rm(result.snapshotsDir, { recursive: true });
  }, 60_000);

  it('checks an app that is already running by pid, leaves it running, and writes the report format its extension names', async () => {
    const target = await startNodeTarget(`globalThis.keep = new Array(1000).fill('x'); console.log('ready'); setInterval(() => {}, 1000);`);
    try {
      await target.waitForOutput(/ready/);
      const reportPath = join(home.root, `pid-${target.pid}.md`);
      const { code, out, err } = await check(['--target', `pid:${target.pid}`, '--interval', '300ms', '--report', reportPath, '--out-dir', join(home.root, 'pid')]);
      expect(code, `${out}\n${err}`).toBe(0);
      expect(err).toMatch(new RegExp(`Checking .*pid ${target.pid}`));
      expect(await readFile(reportPath, 'utf8')).toMatch(/^## Heapdeck trend report/);
      expect(isProcessAlive(target.pid)).toBe(true);
    } finally {
      await target.kill();
    }
  }, 60_000);

  it('exits 3 with a clear message when the launched app exits early, keeping the snapshot already written and reporting on it', async () => {
    const app = await project(QUITTING_APP, (dir) => loadScenario(dir, { quitAt: 1 }));
    const outDir = join(app.dir, 'snapshots');
    const reportPath = join(app.dir, 'partial.json');
    const { code, out, err } = await check([
      '--launch',
      `node ${app['app.js']}`,
      '--scenario',
      app['load.js'],
      '--interval',
      '300ms',
      '--out-dir',
      outDir,
      '--report',
      reportPath,
    ]);
    expect(code, `${out}\n${err}`).toBe(3);
    expect(out).toMatch(/^FAIL: the target went away before the check ended \(exit 3\)/);
    expect(out).toMatch(/The target went away before snapshot 2 of 3: the process exited with code 7\. The snapshot already written is kept\. The report covers them\./);
    expect(err).toMatch(/\[app\] quitting on request/);
    expect(await snapshotFiles(outDir)).toEqual(['snapshot-1.heapsnapshot']);
    const partial = JSON.parse(await readFile(reportPath, 'utf8')) as HeapdeckReport;
    expect(validateReport(partial), JSON.stringify(validateReport.errors)).toBe(true);
    expect(partial.kind).toBe('snapshot');
    expect(partial.snapshots.map((file) => basename(file.path))).toEqual(['snapshot-1.heapsnapshot']);
  }, 60_000);

  it('Ctrl-C stops the check and the app it launched (exit 130) in the built CLI', async () => {
    const app = await project(CLEAN_APP);
    const argv = ['check', '--launch', `node ${app['app.js']}`, '--interval', '60s', '--out-dir', join(app.dir, 'snapshots')];
    const child = spawn(process.execPath, [resolve(__dirname, '../../bin/heapdeck.js'), ...argv], {
      env: { ...process.env, HEAPDECK_HOME: home.root },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const waiting = new Promise<void>((resolveWaiting) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/waiting 60 s before snapshot 1\/3/.test(stderr)) resolveWaiting();
      }),
    );
    await waiting;
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code, `${stdout}\n${stderr}`).toBe(130);
    expect(stdout).toMatch(/^Interrupted \(exit 130\)\n {2}Stopped before snapshot 1 of 3\./);
    const pid = Number(/pid (\d+)/.exec(stderr)?.[1]);
    expect(await gone(pid), `launched app ${pid} still running`).toBe(true);
  }, 30_000);

  it.each([
    [[], /needs --launch "node app\.js" \(start the app\) or --target <target>/],
    [['--launch', 'app.js', '--target', '9229'], /takes --launch or --target, not both/],
    [['--launch', 'npm start'], /"npm" is not node or a \.js script\..*use --target/],
    [['--launch', 'node --inspect app.js'], /leave out --inspect: Heapdeck opens the inspector itself/],
    [['--launch', 'node app.js | tee log'], /"\|" is shell syntax/],
    [['--target', '9229', '--report', 'out.txt'], /Cannot tell the report's format from out\.txt/],
    [['--target', '9229', '--snapshots', '0'], /--snapshots takes a whole number from 1 to 100/],
  ])('bad usage %j exits 2', async (argv, message) => {
    const { code, err } = await check(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
