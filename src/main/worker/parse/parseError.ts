import { HeapdeckError } from '../../../shared/contract/errors';

const HINT = 'Check that the file is a complete .heapsnapshot written by Chrome DevTools, Node or V8.';

/** A SNAPSHOT_PARSE error that says what was wrong and where, plus what the user can do. */
export function snapshotParseError(problem: string, byteOffset?: number): HeapdeckError {
  const where = byteOffset === undefined ? '' : ` (at byte ${byteOffset})`;
  return new HeapdeckError('SNAPSHOT_PARSE', `This is not a readable heap snapshot: ${problem}${where}. ${HINT}`);
}

/** The input ended while `section` was still being read. */
export function truncatedError(section: string, byteOffset: number): HeapdeckError {
  return snapshotParseError(`the file ends in the middle of "${section}"; it is probably truncated`, byteOffset);
}

/** A readable name for one byte in a message: `'x'` or `byte 0x1f`. */
export function describeByte(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}
