import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { ARRAY_CONSTRUCTORS, expectedArrays, type AnalysisMeta, type ArrayType } from './analysisParts';

/*
 * File layout: PREFIX_BYTES (magic, JSON length), the JSON header, zero padding to 8 bytes,
 * then each array's raw bytes at `dataStart + byteOffset`, every offset a multiple of 8 so the
 * bytes can be read straight into a typed array of any element size.
 */
export const CACHE_MAGIC = 'heapdeck-cache';
export const CACHE_FORMAT_VERSION = 1;
/** Bump whenever parsing or an analysis changes what it computes: old caches then miss. */
export const CACHE_ENGINE_VERSION = 1;
export const PREFIX_BYTES = 24;
const HEADER_REGION_BYTES = 64 * 1024;
// A header is class names and shapes; far below this even for huge heaps. Guards garbage lengths.
const MAX_HEADER_BYTES = 256 * 1024 * 1024;

/** What ties a cache to one version of a snapshot file. */
export interface SnapshotIdentity {
  sizeBytes: number;
  mtimeMs: number;
  /** sha256 of the file's first 64 KB: the snapshot's header region. */
  headerSha256: string;
}

export interface CachedArrayEntry {
  name: string;
  type: ArrayType;
  /** From the start of the data region. */
  byteOffset: number;
  length: number;
}

export interface CacheHeader {
  magic: string;
  formatVersion: number;
  engineVersion: number;
  snapshot: SnapshotIdentity;
  foldOwnedSizes: boolean;
  meta: AnalysisMeta;
  arrays: CachedArrayEntry[];
  dataBytes: number;
}

export const alignTo8 = (bytes: number) => Math.ceil(bytes / 8) * 8;

export function cachePathOf(snapshotPath: string): string {
  return `${snapshotPath}.heapdeck-cache`;
}

export async function snapshotIdentity(path: string, info: Stats): Promise<SnapshotIdentity> {
  const handle = await open(path, 'r');
  try {
    const region = Buffer.alloc(Math.min(HEADER_REGION_BYTES, info.size));
    const { bytesRead } = await handle.read(region, 0, region.length, 0);
    const headerSha256 = createHash('sha256').update(region.subarray(0, bytesRead)).digest('hex');
    return { sizeBytes: info.size, mtimeMs: info.mtimeMs, headerSha256 };
  } finally {
    await handle.close();
  }
}

/** The bytes before the data region: prefix, JSON header, padding. */
export function encodeHeader(header: CacheHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const encoded = Buffer.alloc(alignTo8(PREFIX_BYTES + json.length));
  encoded.write(CACHE_MAGIC, 0, 'latin1');
  encoded.writeUInt32LE(json.length, 16);
  json.copy(encoded, PREFIX_BYTES);
  return encoded;
}

/** The JSON header's length from the prefix, or undefined when the prefix is not a cache's. */
export function headerLengthOf(prefix: Buffer): number | undefined {
  if (prefix.length < PREFIX_BYTES || prefix.toString('latin1', 0, CACHE_MAGIC.length) !== CACHE_MAGIC) return undefined;
  const length = prefix.readUInt32LE(16);
  return length > 0 && length <= MAX_HEADER_BYTES ? length : undefined;
}

/**
 * Whether a parsed header belongs to this snapshot and this engine, and describes exactly the
 * arrays such an analysis has, each inside a file of `fileBytes`.
 */
export function headerMatches(header: CacheHeader, identity: SnapshotIdentity, foldOwnedSizes: boolean, dataStart: number, fileBytes: number): boolean {
  if (header.magic !== CACHE_MAGIC || header.formatVersion !== CACHE_FORMAT_VERSION || header.engineVersion !== CACHE_ENGINE_VERSION) return false;
  const saved = header.snapshot;
  if (saved?.sizeBytes !== identity.sizeBytes || saved.mtimeMs !== identity.mtimeMs || saved.headerSha256 !== identity.headerSha256) return false;
  if (header.foldOwnedSizes !== foldOwnedSizes || dataStart + header.dataBytes !== fileBytes || !Array.isArray(header.arrays)) return false;
  const expected = expectedArrays(header.meta);
  if (expected.size !== header.arrays.length || new Set(header.arrays.map((entry) => entry.name)).size !== expected.size) return false;
  return header.arrays.every(({ name, type, byteOffset, length }) => {
    const spec = expected.get(name);
    if (!spec || spec.type !== type || (spec.length !== undefined && spec.length !== length)) return false;
    if (!Number.isSafeInteger(length) || length < 0 || !Number.isSafeInteger(byteOffset) || byteOffset % 8 !== 0) return false;
    return byteOffset + length * ARRAY_CONSTRUCTORS[type].BYTES_PER_ELEMENT <= header.dataBytes;
  });
}
