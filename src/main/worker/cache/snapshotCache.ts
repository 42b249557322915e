import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HeapdeckError } from '../../../shared/contract/errors';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { ARRAY_CONSTRUCTORS, analysisParts, arrayTypeOf, rebuildAnalysis, type CachedArray } from './analysisParts';
import {
  CACHE_ENGINE_VERSION,
  CACHE_FORMAT_VERSION,
  CACHE_MAGIC,
  PREFIX_BYTES,
  alignTo8,
  cachePathOf,
  encodeHeader,
  headerLengthOf,
  headerMatches,
  type CacheHeader,
  type CachedArrayEntry,
  type SnapshotIdentity,
} from './cacheHeader';

// fs reads and writes take at most 2 GB at once; smaller chunks also give steady progress.
const CHUNK_BYTES = 64 * 1024 * 1024;
// A writer still alive touches its temp file far more often than this.
const STALE_TEMP_MS = 60_000;
const TEMP_SUFFIX = '.tmp';
// The cache holds every string of the heap (tokens, user data): readable by its owner only.
const CACHE_FILE_MODE = 0o600;

export interface ReadCacheOptions {
  foldOwnedSizes: boolean;
  signal?: AbortSignal;
  onBytesRead?: (bytesRead: number, totalBytes: number) => void;
}

const bytesOf = (array: CachedArray) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/**
 * The analysis saved beside `snapshotPath` for exactly this version of the file, or undefined
 * when there is none. A cache that does not match or cannot be read is deleted, never an error;
 * only cancellation throws.
 */
export async function readSnapshotCache(snapshotPath: string, identity: SnapshotIdentity, options: ReadCacheOptions): Promise<HeapAnalysis | undefined> {
  const cachePath = cachePathOf(snapshotPath);
  let handle;
  try {
    handle = await open(cachePath, 'r');
  } catch {
    return undefined;
  }
  let analysis: HeapAnalysis | undefined;
  try {
    analysis = await readAnalysis(handle, identity, options);
  } catch (error) {
    if (error instanceof HeapdeckError && error.code === 'CANCELLED') throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (!analysis) await removeQuietly(cachePath);
  return analysis;
}

async function readAnalysis(
  handle: Awaited<ReturnType<typeof open>>,
  identity: SnapshotIdentity,
  options: ReadCacheOptions,
): Promise<HeapAnalysis | undefined> {
  const fileBytes = (await handle.stat()).size;
  const prefix = Buffer.alloc(PREFIX_BYTES);
  await handle.read(prefix, 0, PREFIX_BYTES, 0);
  const jsonBytes = headerLengthOf(prefix);
  if (jsonBytes === undefined || PREFIX_BYTES + jsonBytes > fileBytes) return undefined;
  const json = Buffer.alloc(jsonBytes);
  const { bytesRead } = await handle.read(json, 0, jsonBytes, PREFIX_BYTES);
  if (bytesRead !== jsonBytes) return undefined;
  const header = JSON.parse(json.toString('utf8')) as CacheHeader;
  const dataStart = alignTo8(PREFIX_BYTES + jsonBytes);
  if (!headerMatches(header, identity, options.foldOwnedSizes, dataStart, fileBytes)) return undefined;

  const arrays = new Map<string, CachedArray>();
  let done = dataStart;
  for (const { name, type, byteOffset, length } of header.arrays) {
    const array = new ARRAY_CONSTRUCTORS[type](length);
    const target = bytesOf(array);
    for (let at = 0; at < target.length; ) {
      if (options.signal?.aborted) throw new HeapdeckError('CANCELLED', 'Opening the snapshot was cancelled.');
      const chunk = Math.min(CHUNK_BYTES, target.length - at);
      const { bytesRead: got } = await handle.read(target, at, chunk, dataStart + byteOffset + at);
      if (got === 0) return undefined;
      at += got;
      done += got;
      options.onBytesRead?.(done, fileBytes);
    }
    arrays.set(name, array);
  }
  return rebuildAnalysis(header.meta, arrays);
}

/** Deletes temp files of writers that died (a closed snapshot's worker is stopped mid-write). */
async function removeStaleTemps(cachePath: string): Promise<void> {
  const folder = dirname(cachePath);
  const prefix = `${basename(cachePath)}.`;
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await removeQuietly(path);
  }
}

function* cacheBytes(header: Buffer, arrays: Map<string, CachedArray>): Generator<Uint8Array> {
  yield header;
  for (const array of arrays.values()) {
    const bytes = bytesOf(array);
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES));
    const padding = alignTo8(bytes.length) - bytes.length;
    if (padding) yield new Uint8Array(padding);
  }
}

/**
 * Saves an analysis beside its snapshot so the next open skips parsing. Streams the arrays to a
 * temp file and renames it into place, so readers never see a partial cache. Resolves to
 * whether the cache was written; any failure (read-only folder, full disk) leaves no file behind.
 */
export async function writeSnapshotCache(snapshotPath: string, identity: SnapshotIdentity, analysis: HeapAnalysis, foldOwnedSizes: boolean): Promise<boolean> {
  const cachePath = cachePathOf(snapshotPath);
  const tempPath = `${cachePath}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  try {
    await removeStaleTemps(cachePath);
    const { meta, arrays } = analysisParts(analysis);
    const entries: CachedArrayEntry[] = [];
    let dataBytes = 0;
    for (const [name, array] of arrays) {
      entries.push({ name, type: arrayTypeOf(array), byteOffset: dataBytes, length: array.length });
      dataBytes += alignTo8(array.byteLength);
    }
    const header: CacheHeader = {
      magic: CACHE_MAGIC,
      formatVersion: CACHE_FORMAT_VERSION,
      engineVersion: CACHE_ENGINE_VERSION,
      snapshot: identity,
      foldOwnedSizes,
      meta,
      arrays: entries,
      dataBytes,
    };
    await pipeline(cacheBytes(encodeHeader(header), arrays), createWriteStream(tempPath, { flags: 'wx', mode: CACHE_FILE_MODE }));
    await rename(tempPath, cachePath);
    return true;
  } catch {
    await removeQuietly(tempPath);
    return false;
  }
}
