import { HeapdeckError } from '../../shared/contract/errors';
import { createProcfsTable } from './procfsTable';
import { createPsTable } from './psTable';

/** One process as the OS reports it. */
export interface ProcessEntry {
  pid: number;
  uid: number;
  /** Its arguments; argv[0] may have been rewritten through `process.title`. */
  argv: string[];
  /** The binary it runs when the OS says (Linux `/proc/<pid>/exe`), else argv[0]. */
  executable: string;
  rssBytes: number;
  /** NODE_OPTIONS from its environment, when readable (`get` on Linux, own processes). */
  nodeOptions?: string;
}

/** A TCP socket in LISTEN state. `address` is numeric: `127.0.0.1`, `0.0.0.0`, `::1`, `::`. */
export interface ListeningSocket {
  address: string;
  port: number;
}

/** Who holds a listening port: `pid` is unknown when the socket belongs to another user. */
export interface PortHolder {
  pid?: number;
}

/** The process and socket facts target discovery needs, read the way the OS allows. */
export interface ProcessTable {
  /** Node processes (see isNodeExecutable), except Heapdeck's own. */
  listNodeProcesses(): Promise<ProcessEntry[]>;
  /** Any process by pid; undefined when there is none. */
  get(pid: number): Promise<ProcessEntry | undefined>;
  /** Listening TCP sockets of each pid; pids whose sockets are hidden map to []. */
  listeningSockets(pids: number[]): Promise<Map<number, ListeningSocket[]>>;
  /** Who listens on `port` at an address that would collide with binding `host`, if anyone. */
  portHolder(port: number, host: string): Promise<PortHolder | undefined>;
}

/** The table for this OS: /proc on Linux, `ps` and `lsof` on macOS and BSDs. */
export function processTableForPlatform(platform: NodeJS.Platform = process.platform): ProcessTable {
  if (platform === 'linux') return createProcfsTable();
  if (platform === 'win32') {
    // Windows would need process._debugProcess and a process API of its own.
    throw new HeapdeckError('INTERNAL', 'Listing and signalling processes is not supported on Windows yet; start Node with --inspect and attach by host:port instead.');
  }
  return createPsTable();
}

/** True when binding `wanted` would fail because `listening` is taken (wildcards overlap all). */
export function addressesCollide(listening: string, wanted: string): boolean {
  const wildcard = (address: string) => address === '0.0.0.0' || address === '::';
  const numeric = (address: string) => (address === 'localhost' ? '127.0.0.1' : address);
  return wildcard(listening) || wildcard(wanted) || numeric(listening) === numeric(wanted);
}

/** The host to dial to reach a socket listening on `address`. */
export function dialHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '::1';
  return address;
}
