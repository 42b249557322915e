import type { NodeProcessInfo } from '../../shared/model/targets';
import { findInspectors } from './inspectorSockets';
import { processTableForPlatform, type ProcessEntry, type ProcessTable } from './processTable';

/**
 * The Node processes on this machine (Heapdeck's own excepted), with their memory and the
 * inspector ports they have open. Reads /proc on Linux, `ps` and `lsof` elsewhere.
 */
export async function listNodeProcesses(table: ProcessTable = processTableForPlatform()): Promise<NodeProcessInfo[]> {
  const entries = await table.listNodeProcesses();
  const inspectors = await findInspectors(table, entries.map((entry) => entry.pid));
  return entries
    .map((entry) => ({
      pid: entry.pid,
      command: entry.argv.join(' '),
      rssBytes: entry.rssBytes,
      inspectorPorts: (inspectors.get(entry.pid) ?? []).map((socket) => socket.port).sort((a, b) => a - b),
      otherUser: isOtherUser(entry),
    }))
    .sort((a, b) => a.pid - b.pid);
}

/** True when this user may not signal the process: another owner, and Heapdeck is not root. */
export function isOtherUser(entry: Pick<ProcessEntry, 'uid'>): boolean {
  const self = process.geteuid?.();
  return self !== undefined && self !== 0 && entry.uid !== self;
}
