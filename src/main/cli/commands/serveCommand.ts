import { resolve } from 'node:path';
import type { Door } from '../../../shared/contract/door';
import { launchSnapshotHash } from '../../../shared/launchSnapshot';
import { startServe } from '../../serve/serveServer';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';

export interface ServeOptions {
  port: number;
  /** A snapshot for the UI to open as soon as it connects. */
  snapshotPath?: string;
}

/** Runs the browser UI until Ctrl-C. */
export async function serveCommand(context: CliContext, door: Door, options: ServeOptions): Promise<number> {
  const server = await startServe({ door, rendererDir: context.rendererDir, port: options.port });
  const open = options.snapshotPath ? launchSnapshotHash(resolve(options.snapshotPath)) : '';
  context.out(`Heapdeck is serving on 127.0.0.1 only. Open this URL (it holds this launch's token):`);
  context.out(`  ${server.url}${open ? `&${open}` : ''}`);
  context.out('Press Ctrl-C to stop.');
  await context.interrupted;
  await server.close();
  return EXIT.ok;
}
