import { HeapdeckError } from '../../../shared/contract/errors';

/** Only this much of a name is tested: class names are short, and it bounds a slow pattern's work. */
export const MAX_TESTED_NAME_LENGTH = 256;
const MAX_PATTERN_LENGTH = 1000;

/**
 * A class-name test, case-insensitive: a plain substring, or with `regex` a regular expression.
 * Undefined when there is nothing to filter by. A pattern that is not valid, or that repeats a
 * group which itself repeats (`(a+)+`, the usual cause of exponential backtracking), is refused
 * with INVALID_ARGUMENT rather than allowed to stall the snapshot's worker.
 */
export function compileNameFilter(filter: string | undefined, regex = false): ((name: string) => boolean) | undefined {
  if (!filter) return undefined;
  if (!regex) {
    const needle = filter.toLowerCase();
    return (name) => name.toLowerCase().includes(needle);
  }
  if (filter.length > MAX_PATTERN_LENGTH) {
    throw new HeapdeckError('INVALID_ARGUMENT', `The filter pattern is longer than ${MAX_PATTERN_LENGTH} characters.`);
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(filter, 'i');
  } catch (error) {
    throw new HeapdeckError('INVALID_ARGUMENT', `"${filter}" is not a valid regular expression: ${(error as Error).message}.`);
  }
  if (hasNestedRepetition(filter)) {
    throw new HeapdeckError(
      'INVALID_ARGUMENT',
      `"${filter}" repeats a group that itself repeats (like (a+)+), which can take exponential time; simplify the pattern.`,
    );
  }
  return (name) => pattern.test(name.length > MAX_TESTED_NAME_LENGTH ? name.slice(0, MAX_TESTED_NAME_LENGTH) : name);
}

const QUANTIFIER = /^(?:[*+]|\{\d*,?\d*\})/;

/** Whether a quantified group contains a quantifier of its own (escapes and classes skipped). */
function hasNestedRepetition(source: string): boolean {
  // Per open group: whether a quantifier occurred inside it so far.
  const groups: boolean[] = [];
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') {
      at++;
    } else if (char === '[') {
      at = endOfClass(source, at);
    } else if (char === '(') {
      groups.push(false);
    } else if (char === ')') {
      const repeatsInside = groups.pop() ?? false;
      const quantified = QUANTIFIER.test(source.slice(at + 1));
      if (repeatsInside && quantified) return true;
      if (groups.length && (repeatsInside || quantified)) groups[groups.length - 1] = true;
    } else if (groups.length && QUANTIFIER.test(source.slice(at))) {
      groups[groups.length - 1] = true;
    }
  }
  return false;
}

function endOfClass(source: string, open: number): number {
  for (let at = open + 1; at < source.length; at++) {
    if (source[at] === '\\') at++;
    else if (source[at] === ']') return at;
  }
  return source.length;
}
