import type { NumberSink } from './numberArrayScanner';
import { snapshotParseError } from './parseError';
import type { SnapshotLayout } from './snapshotMeta';

/** Splits the flat `nodes` array into one typed array per field as the numbers stream in. */
export class NodeRecords implements NumberSink {
  readonly recordSize: number;
  readonly types: Uint8Array;
  readonly names: Uint32Array;
  readonly ids: Uint32Array;
  readonly selfSizes: Float64Array;
  /** Prefix sums of `edge_count`: the first edge ordinal of each node, plus the total at the end. */
  readonly firstEdges: Uint32Array;
  readonly detachedness: Uint8Array | null;
  private ordinal = 0;
  private edgeTotal = 0;
  private partialValues = 0;

  constructor(readonly layout: SnapshotLayout) {
    const count = layout.nodeCount;
    this.recordSize = layout.nodeFieldCount;
    this.types = new Uint8Array(count);
    this.names = new Uint32Array(count);
    this.ids = new Uint32Array(count);
    this.selfSizes = new Float64Array(count);
    this.firstEdges = new Uint32Array(count + 1);
    this.detachedness = layout.nodeDetachednessOffset >= 0 ? new Uint8Array(count) : null;
  }

  accept(batch: Float64Array, count: number): void {
    const whole = count - (count % this.recordSize);
    const records = whole / this.recordSize;
    if (this.ordinal + records > this.layout.nodeCount) {
      throw snapshotParseError(`"nodes" holds more than the ${this.layout.nodeCount} nodes that "snapshot.node_count" declares`);
    }
    this.edgeTotal = storeNodes(this, batch, whole, this.ordinal, this.edgeTotal);
    if (this.edgeTotal > this.layout.edgeCount) {
      throw snapshotParseError(`the nodes' edge counts add up to more than the ${this.layout.edgeCount} edges of "snapshot.edge_count"`);
    }
    this.ordinal += records;
    this.partialValues += count - whole;
  }

  /** Checks the array was complete and consistent with the header. */
  finish(): void {
    const { nodeCount, edgeCount } = this.layout;
    if (this.partialValues !== 0 || this.ordinal !== nodeCount) {
      throw snapshotParseError(
        `"nodes" holds ${this.ordinal} whole nodes${this.partialValues ? ' and a partial one' : ''} but "snapshot.node_count" says ${nodeCount}`,
      );
    }
    if (this.edgeTotal !== edgeCount) {
      throw snapshotParseError(`the nodes' edge counts add up to ${this.edgeTotal} but "snapshot.edge_count" says ${edgeCount}`);
    }
    this.firstEdges[nodeCount] = edgeCount;
  }

  /** The largest string index used as a node name, checked against `strings` at the end. */
  maxNameIndex(): number {
    let max = -1;
    for (const name of this.names) if (name > max) max = name;
    return max;
  }
}

/**
 * Copies whole records from a batch into the field arrays; returns the running edge total.
 * A separate function that ends right after its loop: V8 compiles hot loops on the stack and
 * would otherwise deoptimise on every batch at code after the loop that had no type feedback.
 */
function storeNodes(records: NodeRecords, batch: Float64Array, whole: number, firstOrdinal: number, edgeTotal: number): number {
  const { types, names, ids, selfSizes, firstEdges, detachedness, recordSize, layout } = records;
  const { nodeTypeOffset, nodeNameOffset, nodeIdOffset, nodeSelfSizeOffset, nodeEdgeCountOffset } = layout;
  const detachednessOffset = layout.nodeDetachednessOffset;
  const typeCount = layout.nodeTypeNames.length;
  let ordinal = firstOrdinal;
  for (let at = 0; at < whole; at += recordSize, ordinal++) {
    const type = batch[at + nodeTypeOffset]!;
    if (type >= typeCount) throw snapshotParseError(`node ${ordinal} has type ${type}, which "node_types" does not define`);
    types[ordinal] = type;
    const name = batch[at + nodeNameOffset]!;
    if (name > 0xffffffff) throw snapshotParseError(`node ${ordinal} has a name index beyond 2^32`);
    names[ordinal] = name;
    const id = batch[at + nodeIdOffset]!;
    if (id > 0xffffffff) throw snapshotParseError(`node ${ordinal} has an id beyond 2^32`);
    ids[ordinal] = id;
    selfSizes[ordinal] = batch[at + nodeSelfSizeOffset]!;
    firstEdges[ordinal] = edgeTotal;
    edgeTotal += batch[at + nodeEdgeCountOffset]!;
    if (detachednessOffset >= 0) detachedness![ordinal] = batch[at + detachednessOffset]! & 3;
  }
  return edgeTotal;
}
