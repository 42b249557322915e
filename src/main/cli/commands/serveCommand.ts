import type { Door } from '../../../shared/contract/door';
import { startServe } from '../../serve/serveServer';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';

/** Runs the browser UI until Ctrl-C. */
export async function serveCommand(context: CliContext, door: Door, port: number): Promise<number> {
  const server = await startServe({ door, rendererDir: context.rendererDir, port });
  context.out(`Heapdeck is serving on 127.0.0.1 only. Open this URL (it holds this launch's token):`);
  context.out(`  ${server.url}`);
  context.out('Press Ctrl-C to stop.');
  await context.interrupted;
  await server.close();
  return EXIT.ok;
}
