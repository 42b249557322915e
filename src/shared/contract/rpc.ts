import type { Result } from './result';

/** Messages of the `serve` mode's WebSocket, in both directions. */
export interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  params: unknown;
}

export interface ResultMessage {
  type: 'result';
  id: number;
  result: Result<unknown>;
}

export interface EventMessage {
  type: 'event';
  event: string;
  payload: unknown;
}

export type ServerMessage = ResultMessage | EventMessage;

export function isCallMessage(value: unknown): value is CallMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<CallMessage>;
  return message.type === 'call' && Number.isSafeInteger(message.id) && typeof message.method === 'string';
}

export function isServerMessage(value: unknown): value is ServerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<ServerMessage>;
  return message.type === 'result' || message.type === 'event';
}
