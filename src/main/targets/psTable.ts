import { execFile } from 'node:child_process';
import { isNodeExecutable } from './nodeCommandLine';
import { addressesCollide, type ListeningSocket, type ProcessEntry, type ProcessTable } from './processTable';

const TOOL_TIMEOUT_MS = 3000;
const PS_FIELDS = 'pid=,uid=,rss=,command=';

/**
 * The process table from `ps` and `lsof`, for macOS and the BSDs (no /proc). `ps` joins
 * arguments with spaces, so argv is approximate for arguments that contain spaces. Without
 * `lsof` no listening sockets are known, so no inspector ports are found.
 */
export function createPsTable(): ProcessTable {
  return {
    async listNodeProcesses() {
      const entries = parsePs(await run('ps', ['-axo', PS_FIELDS]));
      return entries.filter((entry) => entry.pid !== process.pid && isNodeExecutable(entry.executable));
    },
    async get(pid) {
      return parsePs(await run('ps', ['-o', PS_FIELDS, '-p', String(pid)]))[0];
    },
    async listeningSockets(pids) {
      const result = new Map<number, ListeningSocket[]>(pids.map((pid) => [pid, []]));
      if (pids.length === 0) return result;
      const output = await run('lsof', ['-nP', '-a', '-p', pids.join(','), '-iTCP', '-sTCP:LISTEN', '-F', 'pn']);
      for (const { pid, socket } of parseLsof(output)) result.get(pid)?.push(socket);
      return result;
    },
    async portHolder(port, host) {
      const output = await run('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-F', 'pn']);
      const holder = parseLsof(output).find(({ socket }) => addressesCollide(socket.address, host));
      return holder ? { pid: holder.pid } : undefined;
    },
  };
}

/** Runs a tool; "found nothing" exits (lsof and ps exit 1) and a missing tool give ''. */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      resolve(error && !stdout ? '' : stdout);
    });
  });
}

function parsePs(output: string): ProcessEntry[] {
  return output.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.+)$/.exec(line);
    if (!match) return [];
    const [, pid = '', uid = '', rssKb = '', command = ''] = match;
    const argv = command.trim().split(/\s+/);
    return [{ pid: Number(pid), uid: Number(uid), rssBytes: Number(rssKb) * 1024, argv, executable: argv[0] ?? '' }];
  });
}

/** `lsof -F pn` prints `p<pid>` then one `n<address>:<port>` per socket (and `f<fd>` lines). */
function parseLsof(output: string): { pid: number; socket: ListeningSocket }[] {
  const sockets: { pid: number; socket: ListeningSocket }[] = [];
  let pid = 0;
  for (const line of output.split('\n')) {
    if (line.startsWith('p')) pid = Number(line.slice(1));
    if (!line.startsWith('n') || pid === 0) continue;
    const match = /^n\[?(.*?)\]?:(\d+)$/.exec(line);
    if (!match) continue;
    const address = match[1] === '*' ? '0.0.0.0' : (match[1] ?? '');
    sockets.push({ pid, socket: { address, port: Number(match[2]) } });
  }
  return sockets;
}
