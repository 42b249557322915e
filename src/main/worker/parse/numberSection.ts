import { HeapdeckError } from '../../../shared/contract/errors';
import type { ChunkCursor } from './chunkCursor';
import { JOB_BYTES, JobRing } from './jobRing';
import type { NumberScanner } from './numberScanner';
import { CLOSE_BRACKET, COMMA, OPEN_BRACKET, expectToken } from './jsonTokens';
import { snapshotParseError, truncatedError } from './parseError';
import type { RecordSink } from './recordSink';

/** A thread that scans and stores jobs of a section beside the reading thread. */
export interface SectionHelper {
  /** Starts serving `ring` with the sink `share` describes; errors come back through `takeErrors`. */
  serve(ring: JobRing, share: unknown): void;
  /** The errors of jobs the helper ran, by job; call once every job is stored. */
  takeErrors(): Map<number, HeapdeckError>;
}

export interface SectionSharing {
  helper: SectionHelper;
  /** What the helper needs to rebuild the sink over the same shared arrays. */
  share: unknown;
}

/** The big buffers of a section scan, reused for every section of one file. */
export interface SectionBuffers {
  slots: SharedArrayBuffer;
  scanner: NumberScanner;
}

export function sectionBuffers(): SectionBuffers {
  return { slots: JobRing.slots(), scanner: JobRing.scanner() };
}

export interface SectionScan {
  /** How many numbers the array held. */
  values: number;
  /** The statistic the helper's copy of the sink reported (its largest string index), or -1. */
  helperStat: number;
}

/**
 * Scans a JSON array of non-negative integers (`nodes`, `edges`, `locations`, ...) into `sink`
 * and returns how many numbers it held. The bytes are copied into jobs cut at commas; this
 * thread and, when `sharing` is given, a helper thread scan and store them in parallel.
 */
export async function scanNumberSection(
  cursor: ChunkCursor,
  section: string,
  sink: RecordSink,
  buffers: SectionBuffers,
  sharing?: SectionSharing,
): Promise<SectionScan> {
  await expectToken(cursor, OPEN_BRACKET, section);
  const ring = JobRing.create(section, sink.recordSize, buffers.slots, buffers.scanner);
  sharing?.helper.serve(ring, sharing.share);
  const errors = new Map<number, unknown>();
  const done = (job: number, error: unknown) => {
    if (error !== undefined) errors.set(job, error);
  };
  const runOne = () => {
    const job = ring.claim();
    if (job < 0) return false;
    ring.run(job, sink, done);
    return true;
  };

  let truncatedAt = -1;
  try {
    let slot = ring.nextSlot();
    let filled = 0;
    let slotOffset = cursor.offset;
    let first = true;
    for (;;) {
      if (ring.aborted) break;
      if (!(await cursor.fill())) {
        truncatedAt = cursor.offset;
        break;
      }
      const { buf, pos, end } = cursor;
      const take = Math.min(JOB_BYTES - filled, end - pos);
      // Buffer's indexOf is memchr, several times faster than the typed array's.
      const close = Buffer.from(buf.buffer, buf.byteOffset + pos, take).indexOf(CLOSE_BRACKET);
      if (close >= 0) {
        slot.set(buf.subarray(pos, pos + close + 1), filled);
        cursor.pos = pos + close + 1;
        ring.publish(filled + close + 1, slotOffset, first, true);
        break;
      }
      slot.set(buf.subarray(pos, pos + take), filled);
      cursor.pos = pos + take;
      filled += take;
      if (filled < JOB_BYTES) continue;
      const cut = slot.lastIndexOf(COMMA);
      if (cut < 0) throw snapshotParseError(`more than ${JOB_BYTES} bytes without a comma in "${section}"`, slotOffset);
      ring.publish(cut + 1, slotOffset, first, false);
      first = false;
      slotOffset += cut + 1;
      // Run jobs while the next slot is taken, so this thread works instead of waiting.
      while (!ring.nextSlotFree() && runOne());
      const carried = slot.subarray(cut + 1, filled);
      slot = ring.nextSlot();
      slot.set(carried);
      filled = carried.length;
    }
  } finally {
    ring.close();
    while (runOne());
    ring.waitStored();
  }
  if (sharing) for (const [job, error] of sharing.helper.takeErrors()) errors.set(job, error);
  if (errors.size > 0) throw errors.get(Math.min(...errors.keys()));
  if (truncatedAt >= 0) throw truncatedError(section, truncatedAt);
  return { values: ring.totalValues(), helperStat: sharing ? ring.helperStat : -1 };
}
