import type { NumberSink } from './numberArrayScanner';
import { snapshotParseError } from './parseError';
import type { SnapshotLayout } from './snapshotMeta';

/** Splits the flat `edges` array into types, names and target ordinals as numbers stream in. */
export class EdgeRecords implements NumberSink {
  readonly recordSize: number;
  readonly types: Uint8Array;
  readonly names: Uint32Array;
  readonly targets: Uint32Array;
  readonly numericName: Uint8Array;
  private ordinal = 0;
  private partialValues = 0;

  constructor(readonly layout: SnapshotLayout) {
    const count = layout.edgeCount;
    this.recordSize = layout.edgeFieldCount;
    this.types = new Uint8Array(count);
    this.names = new Uint32Array(count);
    this.targets = new Uint32Array(count);
    this.numericName = new Uint8Array(layout.edgeTypeNames.length);
    for (const name of ['element', 'hidden']) {
      const index = layout.edgeTypeNames.indexOf(name);
      if (index >= 0) this.numericName[index] = 1;
    }
  }

  accept(batch: Float64Array, count: number): void {
    const whole = count - (count % this.recordSize);
    const records = whole / this.recordSize;
    if (this.ordinal + records > this.layout.edgeCount) {
      throw snapshotParseError(`"edges" holds more than the ${this.layout.edgeCount} edges that "snapshot.edge_count" declares`);
    }
    storeEdges(this, batch, whole, this.ordinal);
    this.ordinal += records;
    this.partialValues += count - whole;
  }

  finish(): void {
    const edgeCount = this.layout.edgeCount;
    if (this.partialValues !== 0 || this.ordinal !== edgeCount) {
      throw snapshotParseError(
        `"edges" holds ${this.ordinal} whole edges${this.partialValues ? ' and a partial one' : ''} but "snapshot.edge_count" says ${edgeCount}`,
      );
    }
  }

  /** Largest name among edges whose name is a string index (not element / hidden edges). */
  maxStringNameIndex(): number {
    const { types, names, numericName } = this;
    let max = -1;
    for (let edge = 0; edge < names.length; edge++) {
      if (numericName[types[edge]!] === 0 && names[edge]! > max) max = names[edge]!;
    }
    return max;
  }
}

/** Copies whole records from a batch; a function ending at its loop, as `storeNodes` explains. */
function storeEdges(records: EdgeRecords, batch: Float64Array, whole: number, firstOrdinal: number): void {
  const { types, names, targets, recordSize, layout } = records;
  const { nodeFieldCount, edgeTypeOffset, edgeNameOffset, edgeToNodeOffset } = layout;
  const nodeIndexLimit = layout.nodeCount * nodeFieldCount;
  const typeCount = layout.edgeTypeNames.length - 1; // the last, 'invisible', is DevTools' own
  let ordinal = firstOrdinal;
  for (let at = 0; at < whole; at += recordSize, ordinal++) {
    const type = batch[at + edgeTypeOffset]!;
    if (type >= typeCount) throw snapshotParseError(`edge ${ordinal} has type ${type}, which "edge_types" does not define`);
    types[ordinal] = type;
    const name = batch[at + edgeNameOffset]!;
    if (name > 0xffffffff) throw snapshotParseError(`edge ${ordinal} has a name index beyond 2^32`);
    names[ordinal] = name;
    // Node indexes below the limit are below 2^32, so the integer division is exact.
    const toNode = batch[at + edgeToNodeOffset]!;
    if (toNode >= nodeIndexLimit) throw snapshotParseError(`edge ${ordinal} points to node index ${toNode}, beyond the last node`);
    const target = ((toNode >>> 0) / nodeFieldCount) >>> 0;
    if (target * nodeFieldCount !== toNode) {
      throw snapshotParseError(`edge ${ordinal} points to node index ${toNode}, which is not the start of a node`);
    }
    targets[ordinal] = target;
  }
}
