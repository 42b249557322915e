import { formatBytes } from '../../../shared/format/bytes';
import { truncateText } from '../../../shared/format/truncateText';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';

export async function targetsCommand(context: CliContext, options: { endpoints: string[]; json: boolean }): Promise<number> {
  const listing = await context.api.call('listTargets', { endpoints: options.endpoints });
  if (options.json) {
    context.out(JSON.stringify(listing, null, 2));
    return EXIT.ok;
  }
  context.out('Node processes on this machine:');
  if (listing.processesError) context.out(`  (could not list processes: ${listing.processesError})`);
  if (listing.processes.length === 0 && !listing.processesError) context.out('  none found');
  for (const proc of listing.processes) {
    const inspector = proc.inspectorPorts.length ? `inspector on :${proc.inspectorPorts.join(', :')}` : 'no inspector (pid:N attaches with SIGUSR1)';
    context.out(`  pid:${proc.pid}  ${formatBytes(proc.rssBytes).padStart(9)}  ${inspector}${proc.otherUser ? '  [other user]' : ''}`);
    context.out(`      ${truncateText(proc.command, 100)}`);
  }
  for (const endpoint of listing.endpoints) {
    context.out('');
    const state = endpoint.reachable ? endpoint.product ?? 'inspector' : `unreachable: ${endpoint.error ?? ''}`;
    context.out(`Endpoint ${endpoint.endpoint} — ${state}`);
    for (const target of endpoint.targets) {
      context.out(`  ${target.kind.padEnd(22)} ${target.id}  ${truncateText(target.title, 50)}  ${truncateText(target.url, 60)}`);
    }
  }
  return EXIT.ok;
}
