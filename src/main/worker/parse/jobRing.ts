import type { NumberJob } from './numberJobScan';
import { NumberScanner } from './numberScanner';
import type { RecordSink } from './recordSink';

/** Bytes a job holds at most; the reader cuts each at its last comma. */
export const JOB_BYTES = 512 * 1024;
const SLOT_COUNT = 4;

// Int32 counters in `control`.
const EPOCH = 0; // bumped on every publish, close or abort: what an idle helper waits on
const PUBLISHED = 1;
const CLAIMED = 2;
const ENDS_KNOWN = 3; // jobs whose end (value index) is published, always a prefix
const STORED = 4;
const CLOSED = 5;
const ABORTED = 6;
const SLOT_BUSY = 8;
const SLOT_LENGTH = SLOT_BUSY + SLOT_COUNT;
const SLOT_FLAGS = SLOT_LENGTH + SLOT_COUNT;
const CONTROL_LENGTH = SLOT_FLAGS + SLOT_COUNT;
const FIRST = 1;
const LAST = 2;

// Float64 entries in `numbers`.
const ENDS = 0;
const OFFSETS = ENDS + SLOT_COUNT;
const HELPER_STAT = OFFSETS + SLOT_COUNT;
const TAILS = HELPER_STAT + 1;

/** What a helper thread needs to take part in one section (all shared memory). */
export interface JobRingParts {
  section: string;
  recordSize: number;
  control: SharedArrayBuffer;
  numbers: SharedArrayBuffer;
  slots: SharedArrayBuffer;
}

/** Called once per job before it counts as stored: errors, and the thread's statistic. */
export type JobDone = (job: number, error: unknown) => void;

/**
 * The jobs of one numeric section, in a ring of shared byte slots, so that the reading thread
 * and a helper thread can scan them in parallel. Job j lives in slot j % SLOT_COUNT. Each job's
 * values are scanned first (in parallel); its position in the section is the end of the job
 * before it, passed along a chain with the values of a record split between the two jobs, so
 * every record is stored whole by the job where it ends.
 */
export class JobRing {
  private readonly control: Int32Array;
  private readonly numbers: Float64Array;
  private readonly slotBytes: Uint8Array[] = [];
  private readonly record: Float64Array;

  /** `scanner`: this thread's (see `scanner`), never shared. */
  constructor(
    readonly parts: JobRingParts,
    private readonly scanner: NumberScanner,
  ) {
    this.control = new Int32Array(parts.control);
    this.numbers = new Float64Array(parts.numbers);
    for (let slot = 0; slot < SLOT_COUNT; slot++) this.slotBytes.push(new Uint8Array(parts.slots, slot * JOB_BYTES, JOB_BYTES));
    this.record = new Float64Array(parts.recordSize);
  }

  /** The shared byte slots; one set serves every section of a file, one after the other. */
  static slots(): SharedArrayBuffer {
    return new SharedArrayBuffer(SLOT_COUNT * JOB_BYTES);
  }

  /** Scans jobs and holds one job's values, for one thread to reuse across sections. */
  static scanner(): NumberScanner {
    return new NumberScanner(JOB_BYTES);
  }

  static create(section: string, recordSize: number, slots: SharedArrayBuffer, scanner: NumberScanner): JobRing {
    const parts: JobRingParts = {
      section,
      recordSize,
      control: new SharedArrayBuffer(CONTROL_LENGTH * 4),
      numbers: new SharedArrayBuffer((TAILS + SLOT_COUNT * recordSize) * 8),
      slots,
    };
    const ring = new JobRing(parts, scanner);
    ring.helperStat = -1;
    return ring;
  }

  get published(): number {
    return Atomics.load(this.control, PUBLISHED);
  }

  /** A job failed: no more jobs are published or claimed (unclaimed ones all come after it). */
  get aborted(): boolean {
    return Atomics.load(this.control, ABORTED) !== 0;
  }

  /**
   * Whether a job before `job` failed, so its work would be thrown away. Jobs before the failed
   * one still run to the end: one of them may hold an earlier error, the one a single thread
   * reading in file order reports.
   */
  private failedBefore(job: number): boolean {
    const failed = Atomics.load(this.control, ABORTED);
    return failed !== 0 && failed - 1 < job;
  }

  /** Keeps the lowest failed job (+ 1; 0 is none) across both threads. */
  private markFailed(job: number): void {
    for (;;) {
      const failed = Atomics.load(this.control, ABORTED);
      if (failed !== 0 && failed - 1 <= job) return;
      if (Atomics.compareExchange(this.control, ABORTED, failed, job + 1) === failed) return;
    }
  }

  /** The slot the next job goes into, once the job that had it is scanned (blocks until then). */
  nextSlot(): Uint8Array {
    const slot = this.published % SLOT_COUNT;
    while (Atomics.load(this.control, SLOT_BUSY + slot) !== 0) Atomics.wait(this.control, SLOT_BUSY + slot, 1);
    return this.slotBytes[slot]!;
  }

  /** Whether `nextSlot` would return at once. */
  nextSlotFree(): boolean {
    return Atomics.load(this.control, SLOT_BUSY + (this.published % SLOT_COUNT)) === 0;
  }

  /** Hands the bytes written into `nextSlot()` to whichever thread claims them first. */
  publish(length: number, offset: number, first: boolean, last: boolean): void {
    const job = this.published;
    const slot = job % SLOT_COUNT;
    this.control[SLOT_LENGTH + slot] = length;
    this.control[SLOT_FLAGS + slot] = (first ? FIRST : 0) | (last ? LAST : 0);
    this.numbers[OFFSETS + slot] = offset;
    Atomics.store(this.control, SLOT_BUSY + slot, 1);
    Atomics.store(this.control, PUBLISHED, job + 1);
    this.bump();
  }

  /** No more jobs will be published. */
  close(): void {
    Atomics.store(this.control, CLOSED, 1);
    this.bump();
  }

  /** The next unclaimed job, or -1. */
  claim(): number {
    for (;;) {
      const claimed = Atomics.load(this.control, CLAIMED);
      if (claimed >= this.published) return -1;
      if (Atomics.compareExchange(this.control, CLAIMED, claimed, claimed + 1) === claimed) return claimed;
    }
  }

  /** Runs claimed jobs as a helper until the section is closed and none is left (blocks). */
  serve(sink: RecordSink, done: JobDone): void {
    for (;;) {
      const epoch = Atomics.load(this.control, EPOCH);
      const job = this.aborted ? -1 : this.claim();
      if (job >= 0) {
        this.run(job, sink, done);
        continue;
      }
      if (this.aborted || Atomics.load(this.control, CLOSED) !== 0) return;
      Atomics.wait(this.control, EPOCH, epoch);
    }
  }

  /** Waits until every published job is stored (or skipped after an error). */
  waitStored(): void {
    for (;;) {
      const stored = Atomics.load(this.control, STORED);
      if (stored >= this.published) return;
      Atomics.wait(this.control, STORED, stored);
    }
  }

  /** The number of values in the section, once every job is stored. */
  totalValues(): number {
    const jobs = this.published;
    return jobs === 0 ? 0 : this.numbers[ENDS + ((jobs - 1) % SLOT_COUNT)]!;
  }

  get helperStat(): number {
    return this.numbers[HELPER_STAT]!;
  }

  set helperStat(value: number) {
    this.numbers[HELPER_STAT] = value;
  }

  /** Scans a claimed job, passes its end along the chain, stores its records, then reports it. */
  run(job: number, sink: RecordSink, done: JobDone): void {
    const { control, numbers, scanner } = this;
    const values = scanner.values;
    const slot = job % SLOT_COUNT;
    const flags = control[SLOT_FLAGS + slot]!;
    const piece: NumberJob = {
      bytes: this.slotBytes[slot]!,
      length: control[SLOT_LENGTH + slot]!,
      offset: numbers[OFFSETS + slot]!,
      first: (flags & FIRST) !== 0,
      last: (flags & LAST) !== 0,
    };
    let count = 0;
    let error: unknown;
    if (!this.failedBefore(job)) {
      try {
        count = scanner.run(piece, this.parts.section);
      } catch (scanError) {
        error = scanError;
      }
    }
    Atomics.store(control, SLOT_BUSY + slot, 0);
    Atomics.notify(control, SLOT_BUSY + slot);

    for (let known = Atomics.load(control, ENDS_KNOWN); known < job; known = Atomics.load(control, ENDS_KNOWN)) {
      Atomics.wait(control, ENDS_KNOWN, known);
    }
    const recordSize = this.parts.recordSize;
    const start = job === 0 ? 0 : numbers[ENDS + ((job - 1) % SLOT_COUNT)]!;
    const tailIn = TAILS + ((job + SLOT_COUNT - 1) % SLOT_COUNT) * recordSize;
    const tailOut = TAILS + slot * recordSize;
    const splitIn = start % recordSize;
    const end = start + count;
    if (splitIn + count < recordSize) {
      // No record ends here: the split record grows and goes on to the next job.
      for (let k = 0; k < splitIn; k++) numbers[tailOut + k] = numbers[tailIn + k]!;
      for (let k = 0; k < count; k++) numbers[tailOut + splitIn + k] = values[k]!;
    } else {
      const splitOut = end % recordSize;
      for (let k = 0; k < splitOut; k++) numbers[tailOut + k] = values[count - splitOut + k]!;
    }
    // The record split from the previous job is read before the chain moves on and reuses it.
    const record = this.record;
    const completesSplit = splitIn > 0 && splitIn + count >= recordSize;
    if (completesSplit) {
      for (let k = 0; k < splitIn; k++) record[k] = numbers[tailIn + k]!;
      for (let k = splitIn; k < recordSize; k++) record[k] = values[k - splitIn]!;
    }
    numbers[ENDS + slot] = end;
    Atomics.store(control, ENDS_KNOWN, job + 1);
    Atomics.notify(control, ENDS_KNOWN);

    if (error === undefined && !this.failedBefore(job)) {
      try {
        let firstRecord = (start - splitIn) / recordSize;
        let from = 0;
        if (completesSplit) {
          sink.store(record, 0, 1, firstRecord++);
          from = recordSize - splitIn;
        } else if (splitIn > 0) {
          from = count;
        }
        const whole = Math.floor((count - from) / recordSize);
        if (whole > 0) sink.store(values, from, whole, firstRecord);
      } catch (storeError) {
        error = storeError;
      }
    }
    if (error !== undefined) {
      this.markFailed(job);
      this.bump();
    }
    done(job, error);
    Atomics.add(control, STORED, 1);
    Atomics.notify(control, STORED);
  }

  private bump(): void {
    Atomics.add(this.control, EPOCH, 1);
    Atomics.notify(this.control, EPOCH);
  }
}
