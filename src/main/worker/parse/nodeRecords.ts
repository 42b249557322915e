import { snapshotParseError } from './parseError';
import type { RecordSink } from './recordSink';
import type { SnapshotLayout } from './snapshotMeta';
import { sharedArray } from './sharedArrays';

/** The per-field node arrays, in shared memory so a helper thread can fill them too. */
export interface NodeArrays {
  types: Uint8Array;
  names: Uint32Array;
  ids: Uint32Array;
  selfSizes: Float64Array;
  /** Prefix sums of `edge_count` once finished: the first edge of each node, plus the total at the end. */
  firstEdges: Uint32Array;
  detachedness: Uint8Array | null;
}

/** What a helper thread needs to store nodes into the same arrays. */
export interface NodeShare {
  kind: 'nodes';
  layout: SnapshotLayout;
  arrays: NodeArrays;
}

function allocateNodeArrays(layout: SnapshotLayout): NodeArrays {
  const count = layout.nodeCount;
  return {
    types: sharedArray(Uint8Array, count),
    names: sharedArray(Uint32Array, count),
    ids: sharedArray(Uint32Array, count),
    selfSizes: sharedArray(Float64Array, count),
    firstEdges: sharedArray(Uint32Array, count + 1),
    detachedness: layout.nodeDetachednessOffset >= 0 ? sharedArray(Uint8Array, count) : null,
  };
}

/** Splits the flat `nodes` array into one typed array per field. */
export class NodeRecords implements RecordSink {
  readonly recordSize: number;
  readonly arrays: NodeArrays;
  /** The largest name index this thread stored, checked against `strings` at the end. */
  maxStringIndex = -1;
  /** Set once `finish` found the records whole and consistent. */
  finished = false;

  constructor(
    readonly layout: SnapshotLayout,
    arrays?: NodeArrays,
  ) {
    this.recordSize = layout.nodeFieldCount;
    this.arrays = arrays ?? allocateNodeArrays(layout);
  }

  share(): NodeShare {
    return { kind: 'nodes', layout: this.layout, arrays: this.arrays };
  }

  store(values: Float64Array, from: number, records: number, firstRecord: number): void {
    if (firstRecord + records > this.layout.nodeCount) {
      throw snapshotParseError(`"nodes" holds more than the ${this.layout.nodeCount} nodes that "snapshot.node_count" declares`);
    }
    this.maxStringIndex = storeNodes(this, values, from, records, firstRecord, this.maxStringIndex);
  }

  /**
   * Checks the array held exactly the declared nodes and turns the stored edge counts into
   * first-edge offsets. `otherMaxStringIndex` is what a helper thread saw.
   */
  finish(totalValues: number, otherMaxStringIndex = -1): void {
    const { nodeCount, edgeCount } = this.layout;
    const whole = Math.floor(totalValues / this.recordSize);
    if (totalValues % this.recordSize !== 0 || whole !== nodeCount) {
      throw snapshotParseError(
        `"nodes" holds ${whole} whole nodes${totalValues % this.recordSize ? ' and a partial one' : ''} but "snapshot.node_count" says ${nodeCount}`,
      );
    }
    this.maxStringIndex = Math.max(this.maxStringIndex, otherMaxStringIndex);
    const edgeTotal = sumEdgeCounts(this.arrays.firstEdges);
    if (edgeTotal > edgeCount) {
      throw snapshotParseError(`the nodes' edge counts add up to more than the ${edgeCount} edges of "snapshot.edge_count"`);
    }
    if (edgeTotal !== edgeCount) {
      throw snapshotParseError(`the nodes' edge counts add up to ${edgeTotal} but "snapshot.edge_count" says ${edgeCount}`);
    }
    this.finished = true;
  }
}

/** Turns `firstEdges[n + 1] = edge count of n` into prefix sums in place; returns the total. */
function sumEdgeCounts(firstEdges: Uint32Array): number {
  let total = 0;
  for (let at = 1; at < firstEdges.length; at++) {
    total += firstEdges[at]!;
    // Past 2^32 the prefix would wrap; the total is reported as too large anyway.
    firstEdges[at] = total;
  }
  return total;
}

/**
 * Copies whole records into the field arrays; returns the largest name index seen.
 * A separate function that ends right after its loop: V8 compiles hot loops on the stack and
 * would otherwise deoptimise on every call at code after the loop that had no type feedback.
 */
function storeNodes(records: NodeRecords, values: Float64Array, from: number, count: number, firstOrdinal: number, maxName: number): number {
  const { recordSize, layout } = records;
  const { types, names, ids, selfSizes, firstEdges, detachedness } = records.arrays;
  const { nodeTypeOffset, nodeNameOffset, nodeIdOffset, nodeSelfSizeOffset, nodeEdgeCountOffset, edgeCount } = layout;
  const detachednessOffset = layout.nodeDetachednessOffset;
  const typeCount = layout.nodeTypeNames.length;
  const end = firstOrdinal + count;
  for (let at = from, ordinal = firstOrdinal; ordinal < end; at += recordSize, ordinal++) {
    const type = values[at + nodeTypeOffset]!;
    if (type >= typeCount) throw snapshotParseError(`node ${ordinal} has type ${type}, which "node_types" does not define`);
    types[ordinal] = type;
    const name = values[at + nodeNameOffset]!;
    if (name > 0xffffffff) throw snapshotParseError(`node ${ordinal} has a name index beyond 2^32`);
    names[ordinal] = name;
    if (name > maxName) maxName = name;
    const id = values[at + nodeIdOffset]!;
    if (id > 0xffffffff) throw snapshotParseError(`node ${ordinal} has an id beyond 2^32`);
    ids[ordinal] = id;
    selfSizes[ordinal] = values[at + nodeSelfSizeOffset]!;
    const edges = values[at + nodeEdgeCountOffset]!;
    if (edges > edgeCount) {
      throw snapshotParseError(`the nodes' edge counts add up to more than the ${edgeCount} edges of "snapshot.edge_count"`);
    }
    firstEdges[ordinal + 1] = edges;
    if (detachednessOffset >= 0) detachedness![ordinal] = values[at + detachednessOffset]! & 3;
  }
  return maxName;
}
