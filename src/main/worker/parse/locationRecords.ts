import type { NodeLocations } from '../graph/heapGraph';
import type { NumberSink } from './numberArrayScanner';
import { snapshotParseError } from './parseError';
import type { SnapshotLayout } from './snapshotMeta';

/** Collects `locations` (object index, script, line, column) with object indexes as ordinals. */
export class LocationRecords implements NumberSink {
  private ordinals = new Uint32Array(1024);
  private scriptIds = new Uint32Array(1024);
  private lines = new Uint32Array(1024);
  private columns = new Uint32Array(1024);
  private count = 0;
  private field = 0;
  private readonly record: Float64Array;
  readonly recordSize: number;

  constructor(private readonly layout: SnapshotLayout) {
    this.recordSize = layout.location?.fieldCount ?? 1;
    this.record = new Float64Array(this.recordSize);
  }

  accept(batch: Float64Array, count: number): void {
    const fields = this.layout.location;
    if (!fields) {
      if (count > 0) throw snapshotParseError('"locations" has entries but "snapshot.meta" has no "location_fields"');
      return;
    }
    const record = this.record;
    for (let k = 0; k < count; k++) {
      record[this.field++] = batch[k]!;
      if (this.field < fields.fieldCount) continue;
      this.field = 0;
      const nodeIndex = record[fields.objectIndex]!;
      const { nodeFieldCount, nodeCount } = this.layout;
      if (nodeIndex % nodeFieldCount !== 0 || nodeIndex / nodeFieldCount >= nodeCount) {
        throw snapshotParseError(`a location points to node index ${nodeIndex}, which is not the start of any node`);
      }
      if (this.count === this.ordinals.length) this.grow();
      const at = this.count++;
      this.ordinals[at] = nodeIndex / nodeFieldCount;
      this.scriptIds[at] = record[fields.scriptId]!;
      this.lines[at] = record[fields.line]!;
      this.columns[at] = record[fields.column]!;
    }
  }

  /** The collected locations, sorted by node ordinal (V8 writes them in no particular order). */
  finish(): NodeLocations {
    if (this.field !== 0) throw snapshotParseError('"locations" ends with a partial entry');
    const n = this.count;
    const result: NodeLocations = {
      count: n,
      ordinals: this.ordinals.slice(0, n),
      scriptIds: this.scriptIds.slice(0, n),
      lines: this.lines.slice(0, n),
      columns: this.columns.slice(0, n),
    };
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = result.ordinals[i - 1]! < result.ordinals[i]!;
    return sorted ? result : sortLocations(result, this.layout.nodeCount);
  }

  private grow(): void {
    const grow = (array: Uint32Array) => {
      const bigger = new Uint32Array(array.length * 2);
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
    ordinals: new Uint32Array(kept),
    scriptIds: new Uint32Array(kept),
    lines: new Uint32Array(kept),
    columns: new Uint32Array(kept),
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
