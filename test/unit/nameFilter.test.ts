import { describe, expect, it } from 'vitest';
import { HeapdeckError } from '../../src/shared/contract/errors';
import { compileNameFilter, MAX_TESTED_NAME_LENGTH } from '../../src/main/worker/model/nameFilter';

describe('class name filters', () => {
  it('a plain filter is a case-insensitive substring; none filters nothing', () => {
    const matches = compileNameFilter('cache')!;
    expect(['LeakyCache', 'CACHE', 'Cachet', 'Entry'].filter(matches)).toEqual(['LeakyCache', 'CACHE', 'Cachet']);
    expect(compileNameFilter('')).toBeUndefined();
    expect(compileNameFilter(undefined, true)).toBeUndefined();
    // A plain filter's special characters are just characters.
    expect(compileNameFilter('(string)')!('(string)')).toBe(true);
  });

  it('a regex filter matches ignoring case, and only the start of very long names is tested', () => {
    const matches = compileNameFilter('^(entry|payload)$', true)!;
    expect(['Entry', 'payload', 'EntryList', 'Payloads'].filter(matches)).toEqual(['Entry', 'payload']);
    const endsWithX = compileNameFilter('x$', true)!;
    expect(endsWithX('a'.repeat(MAX_TESTED_NAME_LENGTH - 1) + 'x')).toBe(true);
    expect(endsWithX('a'.repeat(MAX_TESTED_NAME_LENGTH) + 'x')).toBe(false);
  });

  it('an invalid or exponential pattern is refused with INVALID_ARGUMENT and a message that says why', () => {
    const refusal = (pattern: string) => {
      try {
        compileNameFilter(pattern, true);
      } catch (error) {
        expect(error).toBeInstanceOf(HeapdeckError);
        return error as HeapdeckError;
      }
      throw new Error(`"${pattern}" was accepted`);
    };
    expect(refusal('(unclosed')).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/"\(unclosed" is not a valid regular expression/) });
    expect(refusal('(a+)+$')).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/exponential/) });
    expect(refusal('((ab)*c)*')).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(refusal('(x{2,})+')).toMatchObject({ code: 'INVALID_ARGUMENT' });
    // Quantifiers that are escaped or inside a class are not repetition; a repeated plain group is fine.
    for (const pattern of ['(a\\+)+', '([+*])+', '(ab)+', 'a+b*', '(?:Entry|Map)\\d+']) expect(compileNameFilter(pattern, true)).toBeTypeOf('function');
  });
});
