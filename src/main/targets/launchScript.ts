import { spawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { HeapdeckError } from '../../shared/contract/errors';
import type { LaunchedScript } from './connectedTarget';

const LISTEN_TIMEOUT_MS = 10_000;
const KILL_GRACE_MS = 2000;
const STDERR_TAIL_LINES = 15;
const BACKLOG_LINES = 1000;
const LISTENING = /^Debugger listening on (wss?:\/\/\S+)/;
// Node's own inspector chatter on stderr; the script's output is everything else.
const BANNER = [
  LISTENING,
  /^For help, see: https:\/\/nodejs\.org\//,
  /^Debugger attached\.$/,
  /^Waiting for the debugger to disconnect\.\.\.$/,
  /^Debugger ending on wss?:\/\//,
];

export interface LaunchOptions {
  script: string;
  args?: string[];
  /** Node's own flags, placed before the script. */
  nodeArgs?: string[];
  /** Where the script runs and `script` is resolved from; Heapdeck's own by default. */
  cwd?: string;
  /** The Node binary; see {@link defaultNodePath}. */
  nodePath?: string;
}

type Stream = 'stdout' | 'stderr';
type OutputListener = (stream: Stream, line: string) => void;

/**
 * Starts `node --inspect-brk=127.0.0.1:0 ...nodeArgs script ...args`, paused before its first
 * line so no allocation is missed, and resolves with its debugger URL once Node prints it. The
 * script's output streams line by line without Node's inspector banner.
 */
export async function launchScript(options: LaunchOptions): Promise<{ launched: LaunchedScript; webSocketUrl: string }> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const isDirectory = await stat(cwd).then((info) => info.isDirectory(), () => false);
  if (!isDirectory) throw new HeapdeckError('NOT_FOUND', `The working directory ${cwd} does not exist.`);
  const scriptPath = resolve(cwd, options.script);
  if (!(await stat(scriptPath).then(() => true, () => false))) {
    throw new HeapdeckError('NOT_FOUND', `The script ${scriptPath} does not exist.`);
  }
  const nodePath = options.nodePath ?? defaultNodePath();
  const child = spawn(nodePath, ['--inspect-brk=127.0.0.1:0', ...(options.nodeArgs ?? []), scriptPath, ...(options.args ?? [])], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = new OutputLines();
  const exited = watchExit(child, output);
  output.read(child, 'stdout');
  output.read(child, 'stderr');
  const launched: LaunchedScript = {
    pid: child.pid ?? 0,
    onOutput: (listener) => output.subscribe(listener),
    exited,
    kill: () => stop(child),
  };
  try {
    const webSocketUrl = await waitForListening(child, output, nodePath, scriptPath);
    return { launched, webSocketUrl };
  } catch (error) {
    stop(child);
    throw error;
  }
}

/**
 * The Node that runs launched scripts: Heapdeck's own binary under plain Node; under Electron
 * (whose binary is not a plain Node) `HEAPDECK_NODE` or the `node` on PATH.
 */
export function defaultNodePath(): string {
  return process.versions.electron ? (process.env.HEAPDECK_NODE ?? 'node') : process.execPath;
}

/** Lines of both streams: banner lines go only to internal watchers, the rest to listeners. */
class OutputLines {
  private readonly listeners = new Set<OutputListener>();
  private readonly watchers = new Set<(line: string) => void>();
  private backlog: [Stream, string][] | undefined = [];
  private readonly openStreams = new Set<Stream>();
  readonly stderrTail: string[] = [];
  private drained?: () => void;
  private readonly allRead = new Promise<void>((done) => (this.drained = done));

  /** Resolves once both streams ended, or shortly after exit if a grandchild holds the pipes. */
  settled(): Promise<void> {
    return Promise.race([this.allRead, new Promise<void>((done) => setTimeout(done, 500).unref())]);
  }

  read(child: ChildProcess, stream: Stream): void {
    const source = stream === 'stdout' ? child.stdout : child.stderr;
    if (!source) return;
    this.openStreams.add(stream);
    const lines = createInterface({ input: source, crlfDelay: Infinity });
    lines.on('line', (line) => this.take(stream, line));
    lines.on('close', () => {
      this.openStreams.delete(stream);
      if (this.openStreams.size === 0) this.drained?.();
    });
  }

  subscribe(listener: OutputListener): () => void {
    this.listeners.add(listener);
    // Lines written before anyone listened (warnings before the pause) are not lost.
    const backlog = this.backlog ?? [];
    this.backlog = undefined;
    for (const [stream, line] of backlog) listener(stream, line);
    return () => this.listeners.delete(listener);
  }

  watch(watcher: (line: string) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private take(stream: Stream, line: string): void {
    if (stream === 'stderr') {
      for (const watcher of [...this.watchers]) watcher(line);
      if (BANNER.some((pattern) => pattern.test(line))) return;
      this.stderrTail.push(line);
      if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
    }
    if (this.backlog) {
      if (this.backlog.length < BACKLOG_LINES) this.backlog.push([stream, line]);
      return;
    }
    for (const listener of [...this.listeners]) listener(stream, line);
  }
}

/** Settles after exit, once the last output line has gone to the listeners. */
function watchExit(child: ChildProcess, output: OutputLines): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((settle) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      void output.settled().then(() => settle({ code, signal }));
    };
    child.once('exit', finish);
    child.once('error', () => {
      if (child.pid === undefined) finish(null, null);
    });
  });
}

function waitForListening(child: ChildProcess, output: OutputLines, nodePath: string, scriptPath: string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(new HeapdeckError('TIMEOUT', `${scriptPath} did not open its inspector within ${LISTEN_TIMEOUT_MS / 1000} s.${tail(output)}`));
    }, LISTEN_TIMEOUT_MS);
    const stopWatching = output.watch((line) => {
      const url = LISTENING.exec(line)?.[1];
      if (!url) return;
      done();
      resolveUrl(url);
    });
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      // Wait for the last stderr lines: they say why it exited.
      void output.settled().then(() => {
        done();
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(new HeapdeckError('TARGET_UNREACHABLE', `${scriptPath} ${how} before its inspector opened.${tail(output)}`));
      });
    };
    const onError = (error: NodeJS.ErrnoException) => {
      done();
      const why = error.code === 'ENOENT' ? 'it was not found' : error.message;
      reject(new HeapdeckError('NOT_FOUND', `Cannot run Node at '${nodePath}': ${why}. Pass the path of a Node binary or set HEAPDECK_NODE.`));
    };
    const done = () => {
      clearTimeout(timer);
      stopWatching();
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

function tail(output: OutputLines): string {
  return output.stderrTail.length > 0 ? ` Its last output: ${output.stderrTail.join('\n')}` : '';
}

function stop(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const force = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, KILL_GRACE_MS);
  force.unref();
  child.once('exit', () => clearTimeout(force));
}
