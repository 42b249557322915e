import { mkdir, readFile, rename } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { TargetDescriptor } from '../../shared/model/targets';
import { writeFileAtomic } from '../os/writeFileAtomic';
import { createSerialQueue } from '../sampling/serialQueue';

const FILE_NAME = 'snapshot-library.json';
const FORMAT_VERSION = 1;

/**
 * What the library remembers about one snapshot file. Files outside a session's folder are
 * listed only because a record names them (imported, opened, or captured to a chosen path);
 * for files in a session's folder a record only adds what the user did with them.
 */
export interface LibraryRecord {
  /** Absolute path, the record's key. */
  path: string;
  name?: string;
  /** For captures saved outside their session's folder: where they came from and when. */
  sessionId?: string;
  target?: TargetDescriptor;
  takenAtMs?: number;
  /** The file as last seen: shown once it is gone, and the version the counts below belong to. */
  sizeBytes?: number;
  modifiedAtMs?: number;
  nodeCount?: number;
  totalSizeBytes?: number;
  lastOpenedAtMs?: number;
}

export type LibraryRecords = Map<string, LibraryRecord>;

/** The library's records, kept in one JSON file in the data folder. */
export interface LibraryStore {
  read(): Promise<LibraryRecords>;
  /** Applies `change` to the records as they are on disk now and saves the result. */
  update<T>(change: (records: LibraryRecords) => T): Promise<T>;
}

/**
 * Opens `<root>/snapshot-library.json`. Every read goes to the file, so the CLI and the app
 * can both add to it; writes are atomic and made one at a time. A file that cannot be
 * understood is moved aside to `snapshot-library.json.corrupt` and the library starts empty:
 * a damaged list of recent files must never stop the app.
 */
export function openLibraryStore(root: string): LibraryStore {
  const path = join(root, FILE_NAME);
  const serially = createSerialQueue();

  const load = async (): Promise<LibraryRecords> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    const records = parseLibrary(text);
    if (records) return records;
    await rename(path, `${path}.corrupt`).catch(() => undefined);
    return new Map();
  };

  return {
    read: () => serially(load),
    update: (change) =>
      serially(async () => {
        const records = await load();
        const result = change(records);
        await mkdir(root, { recursive: true });
        const saved = { formatVersion: FORMAT_VERSION, snapshots: [...records.values()] };
        await writeFileAtomic(path, `${JSON.stringify(saved, null, 2)}\n`);
        return result;
      }),
  };
}

/** The records of a library file, or undefined when it is not one (damaged, or of a newer Heapdeck). */
function parseLibrary(text: string): LibraryRecords | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.formatVersion !== FORMAT_VERSION || !Array.isArray(value.snapshots)) return undefined;
  const records: LibraryRecords = new Map();
  for (const item of value.snapshots) {
    // One bad record costs that record only.
    const record = parseRecord(item);
    if (record) records.set(record.path, record);
  }
  return records;
}

function parseRecord(value: unknown): LibraryRecord | undefined {
  if (!isObject(value) || typeof value.path !== 'string' || !isAbsolute(value.path)) return undefined;
  const text = (key: string) => (typeof value[key] === 'string' ? { [key]: value[key] } : {});
  const count = (key: string) => (typeof value[key] === 'number' && Number.isFinite(value[key]) ? { [key]: value[key] } : {});
  return {
    path: value.path,
    ...text('name'),
    ...text('sessionId'),
    ...(isTargetDescriptor(value.target) ? { target: value.target } : {}),
    ...count('takenAtMs'),
    ...count('sizeBytes'),
    ...count('modifiedAtMs'),
    ...count('nodeCount'),
    ...count('totalSizeBytes'),
    ...count('lastOpenedAtMs'),
  };
}

function isTargetDescriptor(value: unknown): value is TargetDescriptor {
  return isObject(value) && ['kind', 'title', 'url', 'debuggerUrl'].every((key) => typeof value[key] === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
