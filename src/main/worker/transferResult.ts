/**
 * A worker result posted with its buffers transferred instead of copied (an export of a few
 * million objects is tens of megabytes). The buffers are unusable in the worker afterwards.
 */
export class TransferResult<T> {
  constructor(
    readonly value: T,
    readonly transfer: ArrayBuffer[],
  ) {}
}

/** The value to post and the buffers to transfer with it. */
export function unwrapTransfer(result: unknown): { value: unknown; transfer: ArrayBuffer[] } {
  return result instanceof TransferResult ? { value: result.value, transfer: result.transfer } : { value: result, transfer: [] };
}
