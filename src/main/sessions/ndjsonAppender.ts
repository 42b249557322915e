import { open, type FileHandle } from 'node:fs/promises';
import { HeapdeckError } from '../../shared/contract/errors';
import { createSerialQueue } from '../sampling/serialQueue';

/** Appends one JSON record per line to a file, in call order. */
export interface NdjsonAppender {
  /** Resolves once the line is handed to the operating system (not batched in memory). */
  append(record: unknown): Promise<void>;
  /** Lines written so far. */
  readonly lineCount: number;
  /** Waits for the appends under way, then closes the file. */
  close(): Promise<void>;
}

/**
 * The file is opened on the first append, so a session without log output has no log file.
 * A crash of Heapdeck loses nothing that an append had resolved: the bytes are the kernel's.
 */
export function createNdjsonAppender(path: string): NdjsonAppender {
  const serial = createSerialQueue();
  let handle: FileHandle | undefined;
  let lineCount = 0;
  // After a failed write (disk full) part of a line may be on disk: start the next one afresh
  // so only the broken line is lost, not the one after it too.
  let lineBroken = false;

  const write = async (line: string) => {
    handle ??= await open(path, 'a');
    const bytes = Buffer.from(lineBroken ? `\n${line}` : line);
    lineBroken = true;
    for (let offset = 0; offset < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, offset);
      offset += bytesWritten;
    }
    lineBroken = false;
    lineCount += 1;
  };

  return {
    get lineCount() {
      return lineCount;
    },
    append(record) {
      const line = `${JSON.stringify(record)}\n`;
      return serial(() => write(line)).catch((error: NodeJS.ErrnoException) => {
        throw new HeapdeckError('INTERNAL', `Heapdeck could not record to ${path}: ${error.message}. Check that the disk has space.`, {
          cause: error,
        });
      });
    },
    close() {
      return serial(async () => {
        await handle?.close();
        handle = undefined;
      });
    },
  };
}
