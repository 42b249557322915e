import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HeapdeckError } from '../../shared/contract/errors';
import type { OpenedSnapshotInfo } from '../../shared/model/heapSnapshots';
import type { SnapshotEntry } from '../../shared/model/snapshotLibrary';
import type { SnapshotFileInfo } from '../../shared/model/snapshots';
import type { TargetDescriptor } from '../../shared/model/targets';
import type { EventHub } from '../rpc/eventHub';
import { readSessionMetadata } from '../sessions/sessionMetadata';
import { sessionDir } from '../sessions/sessionPaths';
import { openLibraryStore, type LibraryRecord, type LibraryRecords, type LibraryStore } from './libraryStore';
import type { OpenSnapshots } from './openSnapshots';
import { findSessionSnapshots, sessionOfSnapshot } from './sessionSnapshotFiles';
import { checkImportableSnapshot, copySnapshotFile, deleteSnapshotFile, fileState, type FileState } from './snapshotFiles';
import { defaultSnapshotName } from './snapshotPaths';

const MAX_NAME_LENGTH = 200;

export interface SnapshotLibraryOptions {
  /** Heapdeck's data folder: session snapshots are under `<root>/sessions`, the library file in it. */
  root: string;
  events: EventHub;
  /** Snapshots open in this run; a file is closed before it is deleted. */
  openSnapshots: OpenSnapshots;
  /** Shows a file in the system file manager (the desktop shell only); false when it could not. */
  revealFile?(path: string): Promise<boolean>;
}

interface SessionInfo {
  exists: boolean;
  target?: TargetDescriptor;
}

/**
 * The snapshot files Heapdeck knows: every snapshot in a session's folder, plus the files the
 * user imported or opened (recent files) and captures saved to a path of their choosing. What
 * the user does with them (names, when last opened, counts once analysed) is kept in the
 * library file; the snapshot files themselves are never rewritten. Additions and changes are
 * announced as `snapshotListed`.
 */
export class SnapshotLibrary {
  private readonly root: string;
  private readonly store: LibraryStore;

  constructor(private readonly options: SnapshotLibraryOptions) {
    this.root = resolve(options.root);
    this.store = openLibraryStore(this.root);
  }

  /** Every known snapshot, newest first; files that disappeared are listed as `missing`. */
  async list(): Promise<SnapshotEntry[]> {
    const [records, sessionFiles] = await Promise.all([this.store.read(), findSessionSnapshots(this.root)]);
    const sessions = this.sessionLookup();
    const paths = new Set([...sessionFiles, ...records.keys()]);
    const entries = await Promise.all([...paths].map((path) => this.entryOf(path, records, sessions)));
    return entries
      .filter((entry): entry is SnapshotEntry => entry !== undefined)
      .sort((a, b) => b.takenAtMs - a.takenAtMs || (a.path < b.path ? -1 : 1));
  }

  /** Adds an existing `.heapsnapshot` file (see {@link checkImportableSnapshot}). */
  async import(path: unknown): Promise<SnapshotEntry> {
    const absolute = absolutePath(path);
    const state = await checkImportableSnapshot(absolute);
    await this.store.update((records) => updateRecord(records, absolute, state));
    return this.announce(absolute);
  }

  /** Sets the name shown for a snapshot; the file keeps its own name. */
  async rename(path: unknown, name: unknown): Promise<SnapshotEntry> {
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (trimmed.length < 1 || trimmed.length > MAX_NAME_LENGTH) {
      throw new HeapdeckError('INVALID_ARGUMENT', `A snapshot name has 1 to ${MAX_NAME_LENGTH} characters.`);
    }
    const entry = await this.known(path);
    await this.store.update((records) => updateRecord(records, entry.path, { name: trimmed }));
    return this.announce(entry.path);
  }

  /**
   * Forgets a snapshot. A session's snapshot file goes with it (with its analysis cache); an
   * imported file only when `deleteFile`. Open views of the file are closed first.
   */
  async delete(path: unknown, deleteFile = false): Promise<void> {
    const entry = await this.known(path);
    await this.options.openSnapshots.closeFile(entry.path);
    if (entry.source === 'session' || deleteFile) await deleteSnapshotFile(entry.path);
    await this.store.update((records) => records.delete(entry.path));
  }

  /** Saves a copy of a snapshot as a new `.heapsnapshot` file. */
  async export(path: unknown, destination: unknown): Promise<{ path: string; sizeBytes: number }> {
    const entry = await this.known(path);
    if (entry.missing) throw new HeapdeckError('NOT_FOUND', `${entry.path} is gone from disk; there is nothing to export.`);
    return copySnapshotFile(entry.path, destination);
  }

  /** Shows the file in the system file manager when the shell can; else says where it is. */
  async reveal(path: unknown): Promise<{ revealed: boolean; path: string }> {
    const entry = await this.known(path);
    const { revealFile } = this.options;
    const revealed = !entry.missing && revealFile ? await revealFile(entry.path).catch(() => false) : false;
    return { revealed, path: entry.path };
  }

  /** Remembers a capture that just ended: where it came from and, when analysed, its counts. */
  async recordCapture(file: SnapshotFileInfo): Promise<void> {
    const path = resolve(file.path);
    const inSession = sessionOfSnapshot(this.root, path) !== undefined;
    // A session's folder already says where its snapshots came from; a chosen path does not.
    const origin = inSession ? {} : { sessionId: file.sessionId, target: file.target, takenAtMs: file.takenAtMs + file.durationMs };
    const counts = file.snapshot ? analysedCounts(file.snapshot) : {};
    await this.remember(path, { ...origin, ...counts }, !inSession || file.snapshot !== undefined);
  }

  /** Remembers that a file was opened: it becomes a recent file, with its counts. */
  async recordOpened(snapshot: OpenedSnapshotInfo): Promise<void> {
    await this.remember(resolve(snapshot.path), { ...analysedCounts(snapshot), lastOpenedAtMs: Date.now() }, true);
  }

  /**
   * Saves what was learnt about a file and announces its entry. Only ever called after the
   * capture or open itself succeeded: a library file that cannot be read or written must not
   * turn that success into a failure, so the entry then just goes unannounced.
   */
  private async remember(path: string, change: Partial<LibraryRecord>, save: boolean): Promise<void> {
    try {
      const state = await fileState(path);
      if (save) await this.store.update((records) => updateRecord(records, path, { ...change, ...state }));
      const entry = await this.entryOf(path, await this.store.read(), this.sessionLookup());
      if (entry) this.options.events.emit('snapshotListed', entry);
    } catch {
      // See above: the capture or open stands.
    }
  }

  private async announce(path: string): Promise<SnapshotEntry> {
    const entry = await this.entryOf(path, await this.store.read(), this.sessionLookup());
    if (!entry) throw new HeapdeckError('NOT_FOUND', `${path} left the snapshot library while it was being changed.`);
    this.options.events.emit('snapshotListed', entry);
    return entry;
  }

  private async known(path: unknown): Promise<SnapshotEntry> {
    const absolute = absolutePath(path);
    const entry = await this.entryOf(absolute, await this.store.read(), this.sessionLookup());
    if (!entry) throw new HeapdeckError('INVALID_ARGUMENT', `${absolute} is not in the snapshot library; import it first.`);
    return entry;
  }

  /**
   * The entry for one path, or undefined when the library does not know it: a file in a
   * session's folder is known while it exists (or while a record and its session remain), any
   * other file only through its record.
   */
  private async entryOf(path: string, records: LibraryRecords, sessions: (sessionId: string) => Promise<SessionInfo>): Promise<SnapshotEntry | undefined> {
    const record = records.get(path);
    const sessionId = sessionOfSnapshot(this.root, path);
    const file = await fileState(path);
    if (sessionId === undefined) return record ? toEntry(path, 'imported', file, record) : undefined;
    const session = await sessions(sessionId);
    // A deleted session took its snapshots with it: its records are not "missing" files.
    if (!file && !(record && session.exists)) return undefined;
    return toEntry(path, 'session', file, { ...record, path, sessionId, ...(session.target ? { target: session.target } : {}) });
  }

  /** Reads each session's folder once per listing, however many snapshots it holds. */
  private sessionLookup(): (sessionId: string) => Promise<SessionInfo> {
    const seen = new Map<string, Promise<SessionInfo>>();
    return (sessionId) => {
      let info = seen.get(sessionId);
      if (!info) {
        const dir = sessionDir(this.root, sessionId);
        info = Promise.all([stat(dir).then((found) => found.isDirectory(), () => false), readSessionMetadata(dir).catch(() => undefined)]).then(
          ([exists, metadata]) => ({ exists, ...(metadata ? { target: metadata.target } : {}) }),
        );
        seen.set(sessionId, info);
      }
      return info;
    };
  }
}

function toEntry(path: string, source: SnapshotEntry['source'], file: FileState | undefined, record: LibraryRecord): SnapshotEntry {
  // Counts belong to the version of the file they were measured on; a rewritten file lost them.
  const countsApply = !file || (file.sizeBytes === record.sizeBytes && file.modifiedAtMs === record.modifiedAtMs);
  const modifiedAtMs = file?.modifiedAtMs ?? record.modifiedAtMs ?? 0;
  return {
    path,
    name: record.name ?? defaultSnapshotName(path),
    source,
    ...(record.sessionId === undefined ? {} : { sessionId: record.sessionId }),
    ...(record.target === undefined ? {} : { target: record.target }),
    takenAtMs: record.takenAtMs ?? Math.floor(modifiedAtMs),
    sizeBytes: file?.sizeBytes ?? record.sizeBytes ?? 0,
    missing: !file,
    ...(countsApply && record.nodeCount !== undefined ? { nodeCount: record.nodeCount } : {}),
    ...(countsApply && record.totalSizeBytes !== undefined ? { totalSizeBytes: record.totalSizeBytes } : {}),
    ...(record.lastOpenedAtMs === undefined ? {} : { lastOpenedAtMs: record.lastOpenedAtMs }),
  };
}

function updateRecord(records: LibraryRecords, path: string, change: Partial<LibraryRecord>): void {
  const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  records.set(path, { ...records.get(path), ...defined, path });
}

function analysedCounts(snapshot: OpenedSnapshotInfo): Pick<LibraryRecord, 'nodeCount' | 'totalSizeBytes'> {
  return { nodeCount: snapshot.nodeCount, totalSizeBytes: snapshot.totalSizeBytes };
}

function absolutePath(path: unknown): string {
  if (typeof path !== 'string' || path === '') throw new HeapdeckError('INVALID_ARGUMENT', 'A snapshot is named by the path of its file.');
  return resolve(path);
}
