import { open, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/**
 * Streams an NDJSON file line by line and calls `onRecord` with each line that parses, and its
 * line index (0-based, counting every line). Lines that do not parse are skipped: the last
 * line of a session Heapdeck crashed while writing may be cut short. A missing file has no
 * lines. With `wantLine`, lines it rejects are not even parsed.
 */
export async function forEachNdjsonRecord(
  path: string,
  onRecord: (record: unknown, lineIndex: number) => void,
  wantLine: (lineIndex: number) => boolean = () => true,
): Promise<void> {
  const handle = await openIfPresent(path);
  if (!handle) return;
  const lines = createInterface({ input: handle.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
  let lineIndex = 0;
  try {
    for await (const line of lines) {
      const index = lineIndex++;
      if (!line || !wantLine(index)) continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        continue;
      }
      onRecord(record, index);
    }
  } finally {
    lines.close();
    await handle.close().catch(() => undefined);
  }
}

/** Complete (newline-terminated) lines in a file; a line cut short by a crash does not count. */
export async function countCompleteLines(path: string): Promise<number> {
  const handle = await openIfPresent(path);
  if (!handle) return 0;
  let count = 0;
  try {
    for await (const chunk of handle.createReadStream() as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count += 1;
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  return count;
}

async function openIfPresent(path: string): Promise<FileHandle | undefined> {
  try {
    return await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
