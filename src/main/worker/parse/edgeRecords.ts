import { snapshotParseError } from './parseError';
import type { RecordSink } from './recordSink';
import { sharedArray } from './sharedArrays';
import type { SnapshotLayout } from './snapshotMeta';

/** The per-field edge arrays, in shared memory so a helper thread can fill them too. */
export interface EdgeArrays {
  types: Uint8Array;
  names: Uint32Array;
  targets: Uint32Array;
}

/** What a helper thread needs to store edges into the same arrays. */
export interface EdgeShare {
  kind: 'edges';
  layout: SnapshotLayout;
  arrays: EdgeArrays;
}

/** Splits the flat `edges` array into types, names and target ordinals. */
export class EdgeRecords implements RecordSink {
  readonly recordSize: number;
  readonly arrays: EdgeArrays;
  /** Per edge type: 1 when the name is an index (element and hidden edges), not a string. */
  readonly numericName: Uint8Array;
  /** Largest string name this thread stored (not counting element / hidden edges). */
  maxStringIndex = -1;

  constructor(
    readonly layout: SnapshotLayout,
    arrays?: EdgeArrays,
  ) {
    const count = layout.edgeCount;
    this.recordSize = layout.edgeFieldCount;
    this.arrays = arrays ?? { types: sharedArray(Uint8Array, count), names: sharedArray(Uint32Array, count), targets: sharedArray(Uint32Array, count) };
    this.numericName = new Uint8Array(layout.edgeTypeNames.length);
    for (const name of ['element', 'hidden']) {
      const index = layout.edgeTypeNames.indexOf(name);
      if (index >= 0) this.numericName[index] = 1;
    }
  }

  share(): EdgeShare {
    return { kind: 'edges', layout: this.layout, arrays: this.arrays };
  }

  store(values: Float64Array, from: number, records: number, firstRecord: number): void {
    if (firstRecord + records > this.layout.edgeCount) {
      throw snapshotParseError(`"edges" holds more than the ${this.layout.edgeCount} edges that "snapshot.edge_count" declares`);
    }
    this.maxStringIndex = storeEdges(this, values, from, records, firstRecord, this.maxStringIndex);
  }

  /** Checks the array held exactly the declared edges; `otherMaxStringIndex` is a helper thread's. */
  finish(totalValues: number, otherMaxStringIndex = -1): void {
    const edgeCount = this.layout.edgeCount;
    const whole = Math.floor(totalValues / this.recordSize);
    if (totalValues % this.recordSize !== 0 || whole !== edgeCount) {
      throw snapshotParseError(
        `"edges" holds ${whole} whole edges${totalValues % this.recordSize ? ' and a partial one' : ''} but "snapshot.edge_count" says ${edgeCount}`,
      );
    }
    this.maxStringIndex = Math.max(this.maxStringIndex, otherMaxStringIndex);
  }
}

/** Copies whole records; a function ending at its loop, as `storeNodes` explains. Returns the largest string name. */
function storeEdges(records: EdgeRecords, values: Float64Array, from: number, count: number, firstOrdinal: number, maxName: number): number {
  const { recordSize, layout, numericName } = records;
  const { types, names, targets } = records.arrays;
  const { nodeFieldCount, edgeTypeOffset, edgeNameOffset, edgeToNodeOffset } = layout;
  const nodeIndexLimit = layout.nodeCount * nodeFieldCount;
  // Dividing by a field count known only at run time costs as much as the rest of the loop; a
  // multiplication by its inverse, rounded, is within 2^-20 of the quotient of any node index
  // below the limit, so it is exact for every index that starts a node, and the check after it
  // rejects the others.
  const inverse = 1 / nodeFieldCount;
  const typeCount = layout.edgeTypeNames.length - 1; // the last, 'invisible', is DevTools' own
  const end = firstOrdinal + count;
  for (let at = from, ordinal = firstOrdinal; ordinal < end; at += recordSize, ordinal++) {
    const type = values[at + edgeTypeOffset]!;
    if (type >= typeCount) throw snapshotParseError(`edge ${ordinal} has type ${type}, which "edge_types" does not define`);
    types[ordinal] = type;
    const name = values[at + edgeNameOffset]!;
    if (name > 0xffffffff) throw snapshotParseError(`edge ${ordinal} has a name index beyond 2^32`);
    names[ordinal] = name;
    if (name > maxName && numericName[type] === 0) maxName = name;
    const toNode = values[at + edgeToNodeOffset]!;
    if (toNode >= nodeIndexLimit) throw snapshotParseError(`edge ${ordinal} points to node index ${toNode}, beyond the last node`);
    const target = (toNode * inverse + 0.5) >>> 0;
    if (target * nodeFieldCount !== toNode) {
      throw snapshotParseError(`edge ${ordinal} points to node index ${toNode}, which is not the start of a node`);
    }
    targets[ordinal] = target;
  }
  return maxName;
}
