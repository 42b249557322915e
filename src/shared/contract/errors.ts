/**
 * Error codes every door (IPC, WebSocket, CLI) carries unchanged. Electron keeps only the
 * `message` of a thrown error, so codes always travel inside a {@link Result}, never as throws.
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'TARGET_UNREACHABLE',
  'TARGET_DETACHED',
  'TARGET_NOT_NODE',
  'PERMISSION_DENIED',
  'PORT_IN_USE',
  'INSPECTOR_NOT_OPENED',
  'PROTOCOL_ERROR',
  'TIMEOUT',
  'NOT_FOUND',
  'CANCELLED',
  'UNAUTHORIZED',
  'SNAPSHOT_PARSE',
  'SNAPSHOT_TOO_LARGE',
  'WORKER_CRASHED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable form of an error, as it crosses a process or network boundary. */
export interface ErrorDto {
  code: ErrorCode;
  message: string;
}

/** The one error class services throw. */
export class HeapdeckError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HeapdeckError';
    this.code = code;
  }

  toDto(): ErrorDto {
    return { code: this.code, message: this.message };
  }

  static fromDto(dto: ErrorDto): HeapdeckError {
    return new HeapdeckError(isErrorCode(dto.code) ? dto.code : 'INTERNAL', String(dto.message));
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Anything thrown becomes a DTO; unknown errors keep their message under `INTERNAL`. */
export function toErrorDto(error: unknown): ErrorDto {
  if (error instanceof HeapdeckError) return error.toDto();
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}
