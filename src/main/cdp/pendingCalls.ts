import { HeapdeckError } from '../../shared/contract/errors';

interface Entry {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: HeapdeckError) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Calls sent and not yet answered. Every failure names its method, and a dropped connection
 * fails them all at once instead of leaving callers waiting for ever.
 */
export class PendingCalls {
  private readonly entries = new Map<number, Entry>();
  private nextId = 1;

  open(method: string, timeoutMs: number): { id: number; promise: Promise<unknown> } {
    const id = this.nextId++;
    const promise = new Promise<unknown>((resolve, reject) => {
      const entry: Entry = { method, resolve, reject };
      if (timeoutMs > 0) {
        entry.timer = setTimeout(() => {
          this.fail(id, new HeapdeckError('TIMEOUT', `${method} got no answer within ${timeoutMs} ms.`));
        }, timeoutMs);
      }
      this.entries.set(id, entry);
    });
    return { id, promise };
  }

  succeed(id: number, value: unknown): void {
    this.take(id)?.resolve(value);
  }

  fail(id: number, error: HeapdeckError): void {
    this.take(id)?.reject(error);
  }

  /** Fails the call with the target's own protocol error message. */
  failWithProtocolError(id: number, protocolMessage: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.fail(id, new HeapdeckError('PROTOCOL_ERROR', `${entry.method} failed: ${protocolMessage}`));
  }

  failAll(reason: string): void {
    for (const [id, entry] of [...this.entries]) {
      this.fail(id, new HeapdeckError('TARGET_DETACHED', `${entry.method} was not answered: ${reason}`));
    }
  }

  private take(id: number): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    clearTimeout(entry.timer);
    return entry;
  }
}
