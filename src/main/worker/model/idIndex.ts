import { sortByKey } from './sortByKey';

/**
 * Finds a node by V8 id. V8 writes ids mostly but not always ascending, so this sorts the
 * ordinals by id once and then binary-searches.
 */
export class IdIndex {
  private readonly order: Uint32Array;

  constructor(private readonly ids: Uint32Array) {
    const ordinals = new Uint32Array(ids.length);
    for (let ordinal = 0; ordinal < ordinals.length; ordinal++) ordinals[ordinal] = ordinal;
    this.order = sortByKey(ordinals, (ordinal) => ids[ordinal]!);
  }

  find(id: number): number | undefined {
    const { ids, order } = this;
    let low = 0;
    let high = order.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = ids[order[middle]!]!;
      if (value === id) return order[middle];
      if (value < id) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}
