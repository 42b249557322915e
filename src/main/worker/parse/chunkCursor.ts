import { HeapdeckError } from '../../../shared/contract/errors';

/**
 * A read position over a stream of byte chunks. Scanners work on `buf[pos..end)` synchronously
 * and call {@link ChunkCursor.next} only when a chunk is used up, so the per-byte loops stay
 * tight while the file (or a CDP capture) arrives piece by piece.
 */
export class ChunkCursor {
  buf: Uint8Array = new Uint8Array(0);
  pos = 0;
  end = 0;
  /** Absolute offset of `buf[0]` in the whole input. */
  private bufStart = 0;
  private readonly iterator: AsyncIterator<Uint8Array>;

  constructor(
    chunks: AsyncIterable<Uint8Array>,
    private readonly onChunk: (bytesRead: number) => void = () => undefined,
    private readonly signal?: AbortSignal,
  ) {
    this.iterator = chunks[Symbol.asyncIterator]();
  }

  /** Absolute offset of the current position, for error messages. */
  get offset(): number {
    return this.bufStart + this.pos;
  }

  /** Absolute offset of `buf[index]`. */
  offsetOf(index: number): number {
    return this.bufStart + index;
  }

  /** Moves to the next non-empty chunk; false at the end of the input. */
  async next(): Promise<boolean> {
    for (;;) {
      if (this.signal?.aborted) throw new HeapdeckError('CANCELLED', 'Opening the snapshot was cancelled.');
      const step = await this.iterator.next();
      if (step.done) {
        this.bufStart += this.end;
        this.buf = new Uint8Array(0);
        this.pos = this.end = 0;
        return false;
      }
      if (step.value.length === 0) continue;
      this.bufStart += this.end;
      this.buf = step.value;
      this.pos = 0;
      this.end = step.value.length;
      this.onChunk(this.bufStart + this.end);
      return true;
    }
  }

  /** True when a byte is available at `pos`, fetching chunks as needed. */
  async fill(): Promise<boolean> {
    while (this.pos >= this.end) {
      if (!(await this.next())) return false;
    }
    return true;
  }

  /** Lets go of the source early (on errors), so a file stream closes its descriptor. */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}
