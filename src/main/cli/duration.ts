import { HeapdeckError } from '../../shared/contract/errors';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `250ms`, `1s`, `1.5m`, `2h`; a bare number means seconds. */
export function parseDurationMs(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) {
    throw new HeapdeckError('INVALID_ARGUMENT', `${option} takes a duration such as 500ms, 1s, 2m or 1h (got "${text}").`);
  }
  return Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 's']!);
}
