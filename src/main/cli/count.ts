import { HeapdeckError } from '../../shared/contract/errors';

/** Parses a whole-number option such as `--top 20`; absent means `fallback`. */
export function parseCount(text: string | undefined, option: string, fallback: number, max = 10_000): number {
  if (text === undefined) return fallback;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > max) {
    throw new HeapdeckError('INVALID_ARGUMENT', `${option} takes a whole number from 1 to ${max} (got "${text}").`);
  }
  return count;
}
