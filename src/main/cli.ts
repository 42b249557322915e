import { join } from 'node:path';
import { runCli } from './cli/runCli';
import { heapdeckHome } from './heapdeckHome';

// Entry of `heapdeck` (bin/heapdeck.js): plain Node, no Electron.
const interrupted = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

// `heapdeck analyze x | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), {
  root: heapdeckHome(),
  rendererDir: join(__dirname, '../renderer'),
  snapshotWorkerPath: join(__dirname, 'snapshotWorker.js'),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // Only a terminal gets a live status line; logs and pipes would fill with carriage returns.
  progress: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`);
  },
  interrupted,
}).then(
  // Exit once stdout has drained, so piped output (--json) is never cut short.
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    process.stderr.write(`heapdeck: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
