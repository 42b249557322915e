// The benchmark snapshots: real V8 heaps of about a given size (scripts/benchSnapshotHeap.mjs),
// generated once into bench-results/snapshots and reused by every benchmark that needs one.
import { spawn } from 'node:child_process';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');
const cacheDir = join(repoRoot, 'bench-results', 'snapshots');
// Units of the generated heap per MB of snapshot (measured: 20 000 units give ~120 MB).
const UNITS_PER_MB = 167;

/** Runs Node on `args` in the repository; resolves with its stdout. */
export function runNode(args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** The path and size of the ~`megabytes` MB benchmark snapshot, generating it when missing. */
export async function snapshotOfSize(megabytes) {
  const path = join(cacheDir, `bench-${megabytes}mb.heapsnapshot`);
  const existing = await stat(path).catch(() => undefined);
  if (!existing) {
    await mkdir(cacheDir, { recursive: true });
    process.stderr.write(`Generating a ~${megabytes} MB snapshot...\n`);
    // Written under a temporary name: an interrupted run must not leave a "cached" half file.
    const partial = `${path}.partial`;
    await runNode(['--max-old-space-size=16000', 'scripts/benchSnapshotHeap.mjs', String(megabytes * UNITS_PER_MB), partial]);
    await rename(partial, path);
  }
  return { path, bytes: (await stat(path)).size };
}
