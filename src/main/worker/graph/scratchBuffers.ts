import { sharedArray } from '../parse/sharedArrays';

/**
 * Reusable node-sized Uint32Array work buffers. The analyses run one after another and each
 * needs a few temporary arrays of one entry per node; handing the same buffers around keeps the
 * peak at the widest step (the dominator pass) instead of at whatever the GC has not freed yet.
 */
export class ScratchBuffers {
  private readonly free: Uint32Array[] = [];

  /**
   * `length` is node count + 1, enough for 1-based vertex numbers and CSR offsets. `shared`:
   * in shared memory, for results a helper thread computes for the thread that opened the file.
   */
  constructor(
    readonly length: number,
    private readonly shared = false,
  ) {}

  /** A zero-filled buffer of `length` entries. */
  take(): Uint32Array {
    const buffer = this.free.pop();
    if (!buffer) return this.shared ? sharedArray(Uint32Array, this.length) : new Uint32Array(this.length);
    buffer.fill(0);
    return buffer;
  }

  give(...buffers: Uint32Array[]): void {
    for (const buffer of buffers) if (buffer.length === this.length) this.free.push(buffer);
  }

  /** Drops the pooled buffers so they can be collected. */
  clear(): void {
    this.free.length = 0;
  }
}
