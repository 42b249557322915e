import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { defaultNodePath } from '../../targets/launchScript';

export interface ScenarioRun {
  /** The scenario script, absolute. */
  scriptPath: string;
  cwd: string;
  /** 0 for the warm-up before the baseline snapshot, then 1, 2, ... before each later one. */
  iteration: number;
  /** How many times the scenario runs in this check (one per snapshot). */
  iterations: number;
  targetPid?: number;
  onLine(text: string): void;
  /** Aborting kills the scenario (Ctrl-C, or the target went away). */
  signal: AbortSignal;
}

export type ScenarioOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Runs the scenario script once as its own Node process, told the round through environment
 * variables (HEAPDECK_ITERATION, HEAPDECK_ITERATIONS, HEAPDECK_TARGET_PID). A process of its
 * own keeps a scenario's memory and crashes out of the check's, and lets a user try it alone
 * with plain `node`. Exit code 0 means the load was applied.
 */
export function runScenario(run: ScenarioRun): Promise<ScenarioOutcome> {
  return new Promise((settle) => {
    const child = spawn(defaultNodePath(), [run.scriptPath], {
      cwd: run.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HEAPDECK_ITERATION: String(run.iteration),
        HEAPDECK_ITERATIONS: String(run.iterations),
        ...(run.targetPid !== undefined ? { HEAPDECK_TARGET_PID: String(run.targetPid) } : {}),
      },
    });
    const lastLines: string[] = [];
    const closed: Promise<void>[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      lines.on('line', (line) => {
        lastLines.push(line);
        if (lastLines.length > 5) lastLines.shift();
        run.onLine(line);
      });
      closed.push(new Promise((done) => lines.once('close', done)));
    }
    const kill = () => child.kill('SIGKILL');
    run.signal.addEventListener('abort', kill, { once: true });
    child.once('error', (error) => {
      run.signal.removeEventListener('abort', kill);
      settle({ ok: false, reason: `it could not start: ${error.message}` });
    });
    child.once('exit', (code, signal) => {
      run.signal.removeEventListener('abort', kill);
      // The last lines say why it failed; wait for them (briefly: a grandchild may hold the pipes).
      const allRead = Promise.race([Promise.all(closed), new Promise((done) => setTimeout(done, 500).unref())]);
      void allRead.then(() => {
        if (code === 0) settle({ ok: true });
        else {
          const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
          settle({ ok: false, reason: `it ${how}${lastLines.length ? `; its last output: ${lastLines.join(' | ')}` : ''}` });
        }
      });
    });
  });
}
