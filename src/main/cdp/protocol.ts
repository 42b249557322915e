import type { ProtocolMapping } from 'devtools-protocol/types/protocol-mapping';

// Node-only domains are missing from devtools-protocol; these are the parts Heapdeck uses,
// as Node's inspector documents them (src/inspector/node_protocol.pdl).
export interface NodeWorkerInfo {
  workerId: string;
  type: string;
  title: string;
  url: string;
}

interface NodeOnlyCommands {
  'NodeWorker.enable': { paramsType: [{ waitForDebuggerOnStart: boolean }]; returnType: void };
  'NodeWorker.disable': { paramsType: []; returnType: void };
  'NodeWorker.sendMessageToWorker': {
    paramsType: [{ message: string; sessionId: string }];
    returnType: void;
  };
  'NodeWorker.detach': { paramsType: [{ sessionId: string }]; returnType: void };
  'NodeRuntime.notifyWhenWaitingForDisconnect': { paramsType: [{ enabled: boolean }]; returnType: void };
}

interface NodeOnlyEvents {
  'NodeWorker.attachedToWorker': [
    { sessionId: string; workerInfo: NodeWorkerInfo; waitingForDebugger: boolean },
  ];
  'NodeWorker.detachedFromWorker': [{ sessionId: string }];
  'NodeWorker.receivedMessageFromWorker': [{ sessionId: string; message: string }];
  /** The script finished and Node waits for the debugger to let go before it exits. */
  'NodeRuntime.waitingForDisconnect': [];
}

export type Commands = ProtocolMapping.Commands & NodeOnlyCommands;
export type Events = ProtocolMapping.Events & NodeOnlyEvents;
export type CommandName = keyof Commands;
export type EventName = keyof Events;
/** The params object of a command; commands without params take none. */
export type CommandParams<M extends CommandName> = Commands[M]['paramsType'] extends [(infer P)?]
  ? P
  : Record<string, never>;
export type CommandResult<M extends CommandName> = Commands[M]['returnType'];
export type EventPayload<E extends EventName> = Events[E] extends [infer P] ? P : undefined;
