/**
 * Finds a node by V8 id. V8 writes ids mostly but not always ascending, so this sorts the
 * ordinals by id once (radix sort, 16 bits a pass) and then binary-searches.
 */
export class IdIndex {
  private readonly order: Uint32Array;

  constructor(private readonly ids: Uint32Array) {
    this.order = sortByKey(ids);
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

function sortByKey(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  let scratch = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < n; i++) counts[((keys[order[i]!]! >>> shift) & 0xffff) + 1]!++;
    for (let b = 0; b < 65536; b++) counts[b + 1]! += counts[b]!;
    for (let i = 0; i < n; i++) scratch[counts[(keys[order[i]!]! >>> shift) & 0xffff]!++] = order[i]!;
    [order, scratch] = [scratch, order];
  }
  return order;
}
