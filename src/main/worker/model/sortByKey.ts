// Below this many items a comparator sort over precomputed keys beats the radix sort's
// fixed cost (a count table per pass).
const COMPARATOR_SORT_MAX = 2048;
// 11-bit digits: 2048 buckets' write cursors stay in cache (16-bit ones thrash it on a million
// items), and a 32-bit word takes three passes.
const DIGIT_BITS = 11;
const PASSES_PER_WORD = Math.ceil(32 / DIGIT_BITS);
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;
const TWO_TO_32 = 2 ** 32;

/**
 * Sorts `items` (node ordinals, slots...) in place by an integer key in [0, 2^53), ascending or
 * descending; items with equal keys keep their input order. Large inputs take a stable LSD radix
 * sort on 11-bit digits, only as many passes as the largest key needs (a million items in tens
 * of milliseconds, where a comparator sort takes a second), skipping passes whose digit is the
 * same for every item.
 */
export function sortByKey(items: Uint32Array, keyOf: (item: number) => number, descending = false): Uint32Array {
  const count = items.length;
  if (count < 2) return items;
  if (count <= COMPARATOR_SORT_MAX) return comparatorSort(items, keyOf, descending);
  const words = radixWords(items, keyOf, descending);
  const { passes } = words;
  let { low, high } = words;
  let order: Uint32Array = items;
  let spareOrder: Uint32Array = new Uint32Array(count);
  let spareLow: Uint32Array = new Uint32Array(count);
  let spareHigh: Uint32Array | undefined = high ? new Uint32Array(count) : undefined;
  const lowPasses = Math.min(passes, PASSES_PER_WORD);
  // Every pass's digit counts in one scan per word (they do not depend on the order).
  const histograms = new Uint32Array(passes * (DIGITS + 1));
  countDigits(low, lowPasses, histograms.subarray(0, lowPasses * (DIGITS + 1)));
  if (high) countDigits(high, passes - lowPasses, histograms.subarray(lowPasses * (DIGITS + 1)));
  for (let pass = 0; pass < passes; pass++) {
    const cursors = histograms.subarray(pass * (DIGITS + 1), (pass + 1) * (DIGITS + 1));
    if (cursors.includes(count)) continue;
    for (let digit = 0; digit < DIGITS; digit++) cursors[digit + 1]! += cursors[digit]!;
    const digits = pass < PASSES_PER_WORD ? low : high!;
    const shift = (pass % PASSES_PER_WORD) * DIGIT_BITS;
    // A word is carried along only while a later pass still reads it.
    const carryLow = pass + 1 < lowPasses;
    const carryHigh = high !== undefined && pass + 1 < passes;
    for (let k = 0; k < count; k++) {
      const at = cursors[(digits[k]! >>> shift) & DIGIT_MASK]!++;
      spareOrder[at] = order[k]!;
      if (carryLow) spareLow[at] = low[k]!;
      if (carryHigh) spareHigh![at] = high![k]!;
    }
    [order, spareOrder] = [spareOrder, order];
    if (carryLow) [low, spareLow] = [spareLow, low];
    if (carryHigh) [high, spareHigh] = [spareHigh!, high!];
  }
  if (order !== items) items.set(order);
  return items;
}

/** Counts the digits of `words` for `passCount` passes, one histogram (offset by one) each. */
function countDigits(words: Uint32Array, passCount: number, histograms: Uint32Array): void {
  const second = DIGITS + 1;
  const third = 2 * (DIGITS + 1);
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    histograms[(word & DIGIT_MASK) + 1]!++;
    if (passCount > 1) histograms[second + ((word >>> DIGIT_BITS) & DIGIT_MASK) + 1]!++;
    if (passCount > 2) histograms[third + ((word >>> (2 * DIGIT_BITS)) & DIGIT_MASK) + 1]!++;
  }
}

/**
 * Each item's key as the 32-bit words the passes read (a high word only for keys of 2^32 and
 * more), and how many passes they need. Descending sorts ascending by maxKey - key: same range,
 * and ties keep their order. (A function of its own so the keys array can go once read.)
 */
function radixWords(items: Uint32Array, keyOf: (item: number) => number, descending: boolean): { low: Uint32Array; high?: Uint32Array; passes: number } {
  const count = items.length;
  const keys = new Float64Array(count);
  let maxKey = 0;
  for (let k = 0; k < count; k++) {
    const key = keyOf(items[k]!);
    keys[k] = key;
    if (key > maxKey) maxKey = key;
  }
  if (descending) for (let k = 0; k < count; k++) keys[k] = maxKey - keys[k]!;
  const low = new Uint32Array(count);
  const high = maxKey >= TWO_TO_32 ? new Uint32Array(count) : undefined;
  for (let k = 0; k < count; k++) {
    low[k] = keys[k]! >>> 0;
    if (high) high[k] = Math.floor(keys[k]! / TWO_TO_32);
  }
  return { low, high, passes: digitsIn(maxKey) };
}

/** How many digits the radix passes must cover for keys up to `maxKey` (low word first). */
function digitsIn(maxKey: number): number {
  let bits = 0;
  while (bits < 53 && 2 ** bits <= maxKey) bits++;
  if (bits <= 32) return Math.ceil(bits / DIGIT_BITS);
  return PASSES_PER_WORD + Math.ceil((bits - 32) / DIGIT_BITS);
}

function comparatorSort(items: Uint32Array, keyOf: (item: number) => number, descending: boolean): Uint32Array {
  const positions = Array.from({ length: items.length }, (_, k) => k);
  const keys = new Float64Array(items.length);
  for (let k = 0; k < items.length; k++) keys[k] = keyOf(items[k]!);
  const direction = descending ? -1 : 1;
  positions.sort((a, b) => direction * (keys[a]! - keys[b]!) || a - b);
  const sorted = positions.map((position) => items[position]!);
  items.set(sorted);
  return items;
}
