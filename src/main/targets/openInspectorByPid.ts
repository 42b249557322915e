import { setTimeout as delay } from 'node:timers/promises';
import { HeapdeckError } from '../../shared/contract/errors';
import { formatEndpoint } from '../../shared/targetSpec';
import { discoverWebSocketUrl, probeInspector } from '../cdp/endpoints';
import { findInspectors } from './inspectorSockets';
import { inspectorAddressOf, isNodeExecutable, type InspectorAddress } from './nodeCommandLine';
import { isOtherUser } from './nodeProcesses';
import { dialHost, processTableForPlatform, type ProcessEntry, type ProcessTable } from './processTable';
import { isProcessAlive } from '../os/processAlive';

const OPEN_TIMEOUT_MS = 3000;
const POLL_INTERVAL_MS = 50;

/** The inspector of a running Node process, and what Heapdeck did to reach it. */
export interface OpenedInspector {
  webSocketUrl: string;
  port: number;
  notes: string[];
}

/**
 * Finds or opens the inspector of a running Node process. An inspector already open is used
 * as is; otherwise Heapdeck sends SIGUSR1, which makes Node open one (on the port of its
 * `--inspect-port`, else 9229), and watches the process's sockets for it. Every refusal is a
 * HeapdeckError saying why and what to do.
 */
export async function openInspectorByPid(pid: number, table: ProcessTable = processTableForPlatform()): Promise<OpenedInspector> {
  if (!Number.isSafeInteger(pid) || pid <= 0) throw new HeapdeckError('INVALID_ARGUMENT', `${pid} is not a pid: use a positive whole number.`);
  if (pid === process.pid) throw new HeapdeckError('INVALID_ARGUMENT', `pid ${pid} is Heapdeck itself; pick the process you want to watch.`);
  const entry = await table.get(pid);
  if (!entry) throw new HeapdeckError('NOT_FOUND', `No process with pid ${pid} is running.`);
  if (!isNodeExecutable(entry.executable)) {
    throw new HeapdeckError('TARGET_NOT_NODE', `pid ${pid} is not a Node process: it runs '${commandOf(entry)}'.`);
  }
  const address = inspectorAddressOf(entry.argv, entry.nodeOptions);

  const known = await findInspectors(table, [pid]);
  const open = known.get(pid)?.[0] ?? (await openFromCommandLine(entry, address));
  if (open) return { ...(await connectable(open.endpoint, open.port)), notes: [`inspector already open on port ${open.port}`] };

  if (isOtherUser(entry)) throw notYours(entry);
  const expected = address.port === 0 ? undefined : { endpoint: formatEndpoint({ host: dialHost(address.host), port: address.port }), port: address.port };
  if (expected) await assertPortFree(table, entry, address);

  const skipPorts = new Set((await table.listeningSockets([pid])).get(pid)?.map((socket) => socket.port));
  sendSignal(entry);
  const notes = [`Heapdeck sent SIGUSR1 to pid ${pid} to switch on its inspector`];
  const opened = await waitForInspector(table, pid, skipPorts, expected);
  if (!opened) throw notOpened(entry, address);
  notes.push(`inspector opened on ${opened.endpoint}`);
  return { ...(await connectable(opened.endpoint, opened.port)), notes };
}

/**
 * A process started with `--inspect=<port>` whose sockets this user cannot see (another
 * user's): its command line says where the inspector is, so ask there. resolveTarget checks
 * the pid behind the connection afterwards.
 */
async function openFromCommandLine(entry: ProcessEntry, address: InspectorAddress): Promise<{ endpoint: string; port: number } | undefined> {
  if (!address.openAtStart || address.port === 0 || !isOtherUser(entry)) return undefined;
  const endpoint = formatEndpoint({ host: dialHost(address.host), port: address.port });
  return (await probeInspector(endpoint, 500)) ? { endpoint, port: address.port } : undefined;
}

async function connectable(endpoint: string, port: number): Promise<{ webSocketUrl: string; port: number }> {
  return { webSocketUrl: (await discoverWebSocketUrl(endpoint)).webSocketUrl, port };
}

async function assertPortFree(table: ProcessTable, entry: ProcessEntry, address: InspectorAddress): Promise<void> {
  const holder = await table.portHolder(address.port, address.host);
  if (!holder) return;
  const restart = `or restart pid ${entry.pid} with --inspect-port=0 (any free port) and try again.`;
  if (holder.pid === entry.pid) {
    throw new HeapdeckError('PORT_IN_USE', `pid ${entry.pid} itself listens on port ${address.port} (not as an inspector), so its inspector cannot open there; restart it with --inspect-port=0.`);
  }
  const owner = holder.pid === undefined ? undefined : await table.get(holder.pid);
  const who = owner ? `pid ${owner.pid} ('${commandOf(owner)}')` : holder.pid ? `pid ${holder.pid}` : 'a process of another user';
  throw new HeapdeckError(
    'PORT_IN_USE',
    `Port ${address.port} is taken by ${who}, and pid ${entry.pid} would open its inspector there. Stop that process, ${restart}`,
  );
}

function sendSignal(entry: ProcessEntry): void {
  try {
    process.kill(entry.pid, 'SIGUSR1');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') throw new HeapdeckError('NOT_FOUND', `pid ${entry.pid} exited before Heapdeck could signal it.`);
    if (code === 'EPERM') throw notYours(entry);
    throw new HeapdeckError('INSPECTOR_NOT_OPENED', `Sending SIGUSR1 to pid ${entry.pid} failed: ${(error as Error).message}`);
  }
}

async function waitForInspector(
  table: ProcessTable,
  pid: number,
  skipPorts: ReadonlySet<number>,
  expected: { endpoint: string; port: number } | undefined,
): Promise<{ endpoint: string; port: number } | undefined> {
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await delay(POLL_INTERVAL_MS);
    if (!isProcessAlive(pid)) throw new HeapdeckError('TARGET_DETACHED', `pid ${pid} exited after Heapdeck sent it SIGUSR1.`);
    const found = (await findInspectors(table, [pid], skipPorts)).get(pid)?.[0];
    if (found) return found;
    // Without a view of the process's sockets (no lsof), the port its flags name still tells.
    if (expected && (await probeInspector(expected.endpoint, 300))) return expected;
  }
  return undefined;
}

function notYours(entry: ProcessEntry): HeapdeckError {
  return new HeapdeckError(
    'PERMISSION_DENIED',
    `pid ${entry.pid} belongs to another user (uid ${entry.uid}), so Heapdeck may not signal it. Run Heapdeck as that user (e.g. sudo -u '#${entry.uid}' heapdeck ...), or start the process with --inspect and attach by host:port.`,
  );
}

function notOpened(entry: ProcessEntry, address: InspectorAddress): HeapdeckError {
  const where = address.port === 0 ? 'on a free port' : `on ${formatEndpoint(address)}`;
  const causes = [
    "the app handles SIGUSR1 itself (process.on('SIGUSR1', ...)), which replaces Node's handler",
    'it was started with --disable-sigusr1 (Node 22.14 and later)',
    ...(address.port === 0 ? [] : [`port ${address.port} was taken when it tried`]),
  ];
  return new HeapdeckError(
    'INSPECTOR_NOT_OPENED',
    `pid ${entry.pid} did not open its inspector ${where} within ${OPEN_TIMEOUT_MS / 1000} s of SIGUSR1. Likely causes: ${causes.join('; ')}. Restart it with --inspect=127.0.0.1:0 and attach by host:port.`,
  );
}

function commandOf(entry: ProcessEntry): string {
  const command = entry.argv.length > 0 ? entry.argv.join(' ') : entry.executable;
  return command.length > 120 ? `${command.slice(0, 117)}...` : command;
}
