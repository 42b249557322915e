/** What kind of JavaScript runtime a target is; decides which metrics it has. */
export type TargetKind =
  | 'node'
  | 'node-worker'
  | 'chrome-page'
  | 'chrome-worker'
  | 'chrome-service-worker'
  | 'other';

/** A Node process found on this machine by reading the OS process table. */
export interface NodeProcessInfo {
  pid: number;
  /** The full command line, arguments joined by spaces. */
  command: string;
  rssBytes: number;
  /** Ports this process listens on that answer as an inspector (empty: no inspector open). */
  inspectorPorts: number[];
  /** True when the process belongs to another user, so SIGUSR1 would be refused. */
  otherUser: boolean;
}

/** One debuggable target listed by an inspector endpoint's `/json/list`. */
export interface EndpointTarget {
  id: string;
  kind: TargetKind;
  title: string;
  url: string;
  /** host:port of the endpoint that listed it. */
  endpoint: string;
  /** Absent when another debugger client already holds the target (Node allows one). */
  webSocketDebuggerUrl?: string;
}

/** The answer of one host:port: its version, its targets, or why it could not be read. */
export interface EndpointListing {
  endpoint: string;
  reachable: boolean;
  /** Set when not reachable: the reason in words. */
  error?: string;
  /** `Browser` of `/json/version`, e.g. `node.js/v20.20.2` or `Chrome/156.0...`. */
  product?: string;
  targets: EndpointTarget[];
}

/** Everything the Targets view shows. */
export interface TargetsListing {
  processes: NodeProcessInfo[];
  /** Why processes could not be listed, if they could not. */
  processesError?: string;
  endpoints: EndpointListing[];
  listedAtMs: number;
}

/** A worker thread of an attached Node process (NodeWorker domain). */
export interface WorkerTarget {
  workerId: string;
  title: string;
  url: string;
  /** The watch of the process that owns the worker. */
  parentWatchId: string;
}

/** The ways a user can pick a target to attach to. */
export type AttachRequest =
  /** A running Node process: Heapdeck sends SIGUSR1 to open its inspector if none is open. */
  | { by: 'pid'; pid: number }
  /** A `ws://` debugger URL. */
  | { by: 'url'; url: string }
  /**
   * An inspector endpoint `host:port`. With several targets (a Chrome debugging port),
   * `match` picks one by target id or a substring of its URL or title.
   */
  | { by: 'endpoint'; endpoint: string; match?: string }
  /**
   * Launch `node --inspect-brk=127.0.0.1:0 ...nodeArgs script ...args` and attach to it
   * (`nodeArgs`: Node's own flags, e.g. `--max-old-space-size=512`).
   */
  | { by: 'launch'; script: string; args?: string[]; nodeArgs?: string[]; cwd?: string; nodePath?: string }
  /** A worker thread of an already attached Node process. */
  | { by: 'worker'; parentWatchId: string; workerId: string };

/** Identifies the target a watch is attached to. */
export interface TargetDescriptor {
  kind: TargetKind;
  title: string;
  url: string;
  /** The debugger WebSocket URL, or `worker:<id>` for a Node worker thread. */
  debuggerUrl: string;
  pid?: number;
  /** `/json/version` Browser string when known. */
  product?: string;
}
