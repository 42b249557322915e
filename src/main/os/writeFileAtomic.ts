import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/**
 * Writes a small file through a temporary file beside it, synced and then renamed into place,
 * so a reader (or a crash, or a full disk) sees the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tempPath = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(tempPath, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}
