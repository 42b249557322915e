import { open } from 'node:fs/promises';

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a file in large chunks, reading the next one while the caller scans the current one.
 * Two buffers alternate, so a yielded chunk is valid only until the caller asks for the next.
 */
export async function* fileChunks(path: string, chunkBytes = DEFAULT_CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  let reading: Promise<{ bytesRead: number }> | undefined;
  try {
    const buffers = [new Uint8Array(chunkBytes), new Uint8Array(chunkBytes)];
    let which = 0;
    let position = 0;
    reading = handle.read(buffers[which]!, 0, chunkBytes, position);
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) return;
      const chunk = buffers[which]!.subarray(0, bytesRead);
      position += bytesRead;
      which ^= 1;
      reading = handle.read(buffers[which]!, 0, chunkBytes, position);
      yield chunk;
    }
  } finally {
    // A read may still be in flight when the caller stops early.
    await reading?.catch(() => undefined);
    await handle.close();
  }
}
