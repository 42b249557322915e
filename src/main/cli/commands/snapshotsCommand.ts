import { formatBytes } from '../../../shared/format/bytes';
import { truncateText } from '../../../shared/format/truncateText';
import type { SnapshotEntry } from '../../../shared/model/snapshotLibrary';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';

/** Lists the snapshot library: session snapshots and imported or opened files, newest first. */
export async function snapshotsCommand(context: CliContext, options: { json: boolean }): Promise<number> {
  const entries = await context.api.call('listSnapshots', {});
  if (options.json) {
    context.out(JSON.stringify(entries, null, 2));
    return EXIT.ok;
  }
  if (entries.length === 0) {
    context.out('No snapshots yet: take one with "heapdeck snapshot" or open one with "heapdeck analyze".');
    return EXIT.ok;
  }
  context.out(`${'taken (UTC)'.padEnd(20)} ${'name'.padEnd(32)} ${'file'.padStart(10)} ${'objects'.padStart(10)} ${'heap'.padStart(10)}  from`);
  for (const entry of entries) {
    const objects = entry.nodeCount === undefined ? '—' : String(entry.nodeCount);
    const heap = entry.totalSizeBytes === undefined ? '—' : formatBytes(entry.totalSizeBytes);
    context.out(
      `${new Date(entry.takenAtMs).toISOString().slice(0, 19).replace('T', ' ').padEnd(20)} ${truncateText(entry.name, 32).padEnd(32)} ` +
        `${formatBytes(entry.sizeBytes).padStart(10)} ${objects.padStart(10)} ${heap.padStart(10)}  ${origin(entry)}`,
    );
    context.out(`    ${entry.path}${entry.missing ? '  [missing]' : ''}`);
  }
  return EXIT.ok;
}

function origin(entry: SnapshotEntry): string {
  const target = entry.target ? truncateText(`${entry.target.kind} ${entry.target.title}`, 40) : '';
  const session = entry.sessionId ? `session ${entry.sessionId}` : entry.source;
  return target ? `${session} · ${target}` : session;
}
