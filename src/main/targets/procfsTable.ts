import { readdir, readFile, readlink } from 'node:fs/promises';
import { isNodeExecutable } from './nodeCommandLine';
import { addressesCollide, type ListeningSocket, type ProcessEntry, type ProcessTable } from './processTable';

const LISTEN_STATE = '0A';

/**
 * The Linux process table, read from /proc. Only Node processes get their status and open
 * files read, so listing stays fast with hundreds of processes. Sockets are matched to
 * processes through the inodes of `/proc/<pid>/fd/* -> socket:[inode]`, which another user's
 * processes hide unless Heapdeck runs as root.
 */
export function createProcfsTable(): ProcessTable {
  return {
    async listNodeProcesses() {
      const pids = (await allPids()).filter((pid) => pid !== process.pid);
      const entries = await Promise.all(pids.map((pid) => readNodeProcess(pid)));
      return entries.filter((entry): entry is ProcessEntry => entry !== undefined);
    },
    async get(pid) {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
      if (status === undefined) return undefined;
      const argv = await readArgv(pid);
      const executable = (await readExecutable(pid)) ?? argv[0] ?? statusField(status, 'Name') ?? '';
      return { ...fromStatus(pid, status), argv, executable, nodeOptions: await readNodeOptions(pid) };
    },
    async listeningSockets(pids) {
      const listening = await readListenTable();
      const result = new Map<number, ListeningSocket[]>();
      await Promise.all(
        pids.map(async (pid) => {
          const inodes = await socketInodesOf(pid);
          result.set(pid, inodes.flatMap((inode) => listening.get(inode) ?? []));
        }),
      );
      return result;
    },
    async portHolder(port, host) {
      const wanted = new Set<string>();
      for (const [inode, socket] of await readListenTable()) {
        if (socket.port === port && addressesCollide(socket.address, host)) wanted.add(inode);
      }
      if (wanted.size === 0) return undefined;
      for (const pid of await allPids()) {
        if ((await socketInodesOf(pid)).some((inode) => wanted.has(inode))) return { pid };
      }
      return {}; // taken, by a process whose sockets this user cannot see
    },
  };
}

async function allPids(): Promise<number[]> {
  return (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
}

async function readNodeProcess(pid: number): Promise<ProcessEntry | undefined> {
  // The binary link is one cheap read and survives a rewritten process.title; only where it
  // is hidden (another user's process) does the command line have to tell.
  const binary = await readlink(`/proc/${pid}/exe`).catch((error: NodeJS.ErrnoException) => (error.code === 'EACCES' ? 'hidden' : 'none'));
  if (binary === 'none' || (binary !== 'hidden' && !isNodeExecutable(binary))) return undefined; // kernel threads have none
  const argv = await readArgv(pid);
  if (argv.length === 0) return undefined; // a zombie
  if (binary === 'hidden' && !isNodeExecutable(argv[0] ?? '')) return undefined;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  if (status === undefined) return undefined;
  const executable = binary === 'hidden' ? (argv[0] ?? '') : binary;
  return { ...fromStatus(pid, status), argv, executable };
}

async function readArgv(pid: number): Promise<string[]> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return raw.split('\0').filter((part, index, parts) => part !== '' || index < parts.length - 1);
}

async function readExecutable(pid: number): Promise<string | undefined> {
  return readlink(`/proc/${pid}/exe`).catch(() => undefined);
}

async function readNodeOptions(pid: number): Promise<string | undefined> {
  const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
  const entry = environ.split('\0').find((variable) => variable.startsWith('NODE_OPTIONS='));
  return entry?.slice('NODE_OPTIONS='.length);
}

function fromStatus(pid: number, status: string): Pick<ProcessEntry, 'pid' | 'uid' | 'rssBytes'> {
  const uid = Number(statusField(status, 'Uid')?.split(/\s+/)[0] ?? -1);
  const rssKb = Number(/^(\d+)/.exec(statusField(status, 'VmRSS') ?? '')?.[1] ?? 0);
  return { pid, uid, rssBytes: rssKb * 1024 };
}

function statusField(status: string, name: string): string | undefined {
  return new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status)?.[1]?.trim();
}

async function socketInodesOf(pid: number): Promise<string[]> {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  return links.flatMap((link) => /^socket:\[(\d+)\]$/.exec(link)?.[1] ?? []);
}

/** LISTEN sockets of /proc/net/tcp and tcp6, by inode. */
async function readListenTable(): Promise<Map<string, ListeningSocket>> {
  const table = new Map<string, ListeningSocket>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (!local || state !== LISTEN_STATE || !inode || inode === '0') continue;
      const [hexAddress = '', hexPort = ''] = local.split(':');
      table.set(inode, { address: decodeAddress(hexAddress), port: parseInt(hexPort, 16) });
    }
  }
  return table;
}

/** /proc/net prints addresses as 32-bit words in host (little-endian) byte order. */
function decodeAddress(hex: string): string {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    for (let byte = 6; byte >= 0; byte -= 2) bytes.push(parseInt(hex.slice(word + byte, word + byte + 2), 16));
  }
  if (bytes.length === 4) return bytes.join('.');
  const mappedV4 = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mappedV4) return bytes.slice(12).join('.');
  return formatIpv6(bytes);
}

function formatIpv6(bytes: number[]): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
