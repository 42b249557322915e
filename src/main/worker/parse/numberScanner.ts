import { scanNumberJob, type NumberJob } from './numberJobScan';
import kernelBytes from './numberScan.wat';

const PAGE_BYTES = 65536;
let kernel: WebAssembly.Module | undefined;

/**
 * Scans number jobs into `values` with the WebAssembly kernel, about three times the speed of
 * the JavaScript scanner and at full speed from the first job (no JIT warm-up, which is much of
 * a small snapshot's time). Jobs the kernel does not take, errors included, go to
 * `scanNumberJob`, so results and error messages are the JavaScript scanner's. One per thread.
 */
export class NumberScanner {
  /** The last job's values (the kernel's output, in its memory). */
  readonly values: Float64Array;
  private readonly input: Uint8Array;
  private readonly valuesAt: number;
  private readonly scan: (length: number, last: number, out: number) => number;

  /** `jobBytes`: the longest job. */
  constructor(jobBytes: number) {
    this.valuesAt = Math.ceil(jobBytes / 8) * 8;
    const valueCount = Math.floor(jobBytes / 2) + 1;
    const memory = new WebAssembly.Memory({ initial: Math.ceil((this.valuesAt + valueCount * 8) / PAGE_BYTES) });
    kernel ??= new WebAssembly.Module(kernelBytes);
    const instance = new WebAssembly.Instance(kernel, { scan: { memory } });
    this.scan = instance.exports.scan as NumberScanner['scan'];
    this.input = new Uint8Array(memory.buffer, 0, jobBytes);
    this.values = new Float64Array(memory.buffer, this.valuesAt, valueCount);
  }

  /** Scans `job` into `values` and returns how many numbers it held; throws SNAPSHOT_PARSE. */
  run(job: NumberJob, section: string): number {
    const count = this.scanFast(job);
    return count >= 0 ? count : scanNumberJob(job, this.values, section);
  }

  /** The kernel alone: how many numbers it scanned into `values`, or -1 for a job it leaves. */
  scanFast(job: NumberJob): number {
    this.input.set(job.bytes.subarray(0, job.length));
    return this.scan(job.length, job.last ? 1 : 0, this.valuesAt);
  }
}
