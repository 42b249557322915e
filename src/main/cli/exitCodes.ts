import type { ErrorCode } from '../../shared/contract/errors';

/** The CLI's documented exit codes (README, "Command line"). */
export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  /** The target is unreachable, exited or detached (or no snapshot file could be opened). */
  target: 3,
  budgetFailed: 4,
  /** `heapdeck check` found a leak (and no budget failed). */
  leakFound: 5,
  /** `heapdeck check` was stopped by Ctrl-C or SIGTERM: 128 + SIGINT, as shells report it. */
  interrupted: 130,
} as const;

const TARGET_CODES: ReadonlySet<ErrorCode> = new Set([
  'TARGET_UNREACHABLE',
  'TARGET_DETACHED',
  'TARGET_NOT_NODE',
  'INSPECTOR_NOT_OPENED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
]);

export function exitCodeFor(code: ErrorCode): number {
  if (code === 'INVALID_ARGUMENT') return EXIT.usage;
  if (TARGET_CODES.has(code)) return EXIT.target;
  return EXIT.other;
}
