import type { NodeLocations } from '../graph/heapGraph';
import { snapshotParseError } from './parseError';
import type { RecordSink } from './recordSink';
import { sharedArray } from './sharedArrays';
import type { SnapshotLayout } from './snapshotMeta';

/** Collects `locations` (object index, script, line, column) with object indexes as ordinals. */
export class LocationRecords implements RecordSink {
  // Shared, so a helper thread naming classes by constructor position reads them in place.
  private ordinals = sharedArray(Uint32Array, 1024);
  private scriptIds = sharedArray(Uint32Array, 1024);
  private lines = sharedArray(Uint32Array, 1024);
  private columns = sharedArray(Uint32Array, 1024);
  private count = 0;
  readonly recordSize: number;

  constructor(private readonly layout: SnapshotLayout) {
    this.recordSize = layout.location?.fieldCount ?? 1;
  }

  /** Called in order, from this thread only (locations are few). */
  store(values: Float64Array, from: number, records: number): void {
    const fields = this.layout.location;
    if (!fields) {
      if (records > 0) throw snapshotParseError('"locations" has entries but "snapshot.meta" has no "location_fields"');
      return;
    }
    const { nodeFieldCount, nodeCount } = this.layout;
    for (let at = from, end = from + records * fields.fieldCount; at < end; at += fields.fieldCount) {
      const nodeIndex = values[at + fields.objectIndex]!;
      if (nodeIndex % nodeFieldCount !== 0 || nodeIndex / nodeFieldCount >= nodeCount) {
        throw snapshotParseError(`a location points to node index ${nodeIndex}, which is not the start of any node`);
      }
      if (this.count === this.ordinals.length) this.grow();
      const index = this.count++;
      this.ordinals[index] = nodeIndex / nodeFieldCount;
      this.scriptIds[index] = values[at + fields.scriptId]!;
      this.lines[index] = values[at + fields.line]!;
      this.columns[index] = values[at + fields.column]!;
    }
  }

  /** The collected locations, sorted by node ordinal (V8 writes them in no particular order). */
  finish(totalValues: number): NodeLocations {
    if (totalValues % this.recordSize !== 0) throw snapshotParseError('"locations" ends with a partial entry');
    const n = this.count;
    // Views: copies would briefly double the locations of a big heap.
    const result: NodeLocations = {
      count: n,
      ordinals: this.ordinals.subarray(0, n),
      scriptIds: this.scriptIds.subarray(0, n),
      lines: this.lines.subarray(0, n),
      columns: this.columns.subarray(0, n),
    };
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = result.ordinals[i - 1]! < result.ordinals[i]!;
    return sorted ? result : sortLocations(result, this.layout.nodeCount);
  }

  private grow(): void {
    const grow = (array: Uint32Array) => {
      const bigger = sharedArray(Uint32Array, array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.ordinals = grow(this.ordinals);
    this.scriptIds = grow(this.scriptIds);
    this.lines = grow(this.lines);
    this.columns = grow(this.columns);
  }
}

function sortLocations(locations: NodeLocations, nodeCount: number): NodeLocations {
  // Scatter by node ordinal (the last entry for a node wins, as in a map keyed by node).
  const slot = new Int32Array(nodeCount).fill(-1);
  for (let at = 0; at < locations.count; at++) slot[locations.ordinals[at]!] = at;
  let kept = 0;
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) if (slot[ordinal]! >= 0) kept++;
  const sorted: NodeLocations = {
    count: kept,
    ordinals: sharedArray(Uint32Array, kept),
    scriptIds: sharedArray(Uint32Array, kept),
    lines: sharedArray(Uint32Array, kept),
    columns: sharedArray(Uint32Array, kept),
  };
  for (let ordinal = 0, to = 0; ordinal < nodeCount; ordinal++) {
    const at = slot[ordinal]!;
    if (at < 0) continue;
    sorted.ordinals[to] = ordinal;
    sorted.scriptIds[to] = locations.scriptIds[at]!;
    sorted.lines[to] = locations.lines[at]!;
    sorted.columns[to] = locations.columns[at]!;
    to++;
  }
  return sorted;
}
