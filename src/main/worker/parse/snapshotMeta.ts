import { snapshotParseError } from './parseError';

/** Where each field sits in the flat `nodes` / `edges` / `locations` records of one snapshot. */
export interface SnapshotLayout {
  nodeCount: number;
  edgeCount: number;
  nodeFieldCount: number;
  nodeTypeOffset: number;
  nodeNameOffset: number;
  nodeIdOffset: number;
  nodeSelfSizeOffset: number;
  nodeEdgeCountOffset: number;
  /** -1 when the snapshot has no `detachedness` field (Node before 18, older Chrome). */
  nodeDetachednessOffset: number;
  nodeTypeNames: string[];
  edgeFieldCount: number;
  edgeTypeOffset: number;
  edgeNameOffset: number;
  edgeToNodeOffset: number;
  edgeTypeNames: string[];
  /** Absent in snapshots older than V8 7.x, which have no `locations`. */
  location?: { fieldCount: number; objectIndex: number; scriptId: number; line: number; column: number };
  /** The root node's ordinal (`root_index` divided by the node field count). */
  rootOrdinal: number;
  extraNativeBytes: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw snapshotParseError(`"snapshot.meta.${what}" is missing or is not a list of names`);
  }
  return value;
}

function fieldOffset(fields: string[], name: string, what: string): number {
  const offset = fields.indexOf(name);
  if (offset < 0) throw snapshotParseError(`"snapshot.meta.${what}" has no "${name}" field`);
  return offset;
}

function count(header: Json, key: string): number {
  const value = header[key];
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw snapshotParseError(`"snapshot.${key}" is missing or is not a non-negative integer`);
  }
  return value as number;
}

/** Validates the small `snapshot` header object and works out the record layout from it. */
export function readSnapshotLayout(header: unknown): SnapshotLayout {
  if (!isObject(header) || !isObject(header.meta)) {
    throw snapshotParseError('the "snapshot" section has no "meta" object');
  }
  const meta = header.meta;
  const nodeFields = stringList(meta.node_fields, 'node_fields');
  const edgeFields = stringList(meta.edge_fields, 'edge_fields');
  const nodeTypeOffset = fieldOffset(nodeFields, 'type', 'node_fields');
  const edgeTypeOffset = fieldOffset(edgeFields, 'type', 'edge_fields');
  if (!Array.isArray(meta.node_types) || !Array.isArray(meta.edge_types)) {
    throw snapshotParseError('"snapshot.meta" lacks "node_types" or "edge_types"');
  }
  const nodeTypeNames = stringList(meta.node_types[nodeTypeOffset], 'node_types');
  // DevTools appends 'invisible' to V8's edge types; keep the same numbering.
  const edgeTypeNames = [...stringList(meta.edge_types[edgeTypeOffset], 'edge_types'), 'invisible'];
  if (nodeTypeNames.length > 255 || edgeTypeNames.length > 255) {
    throw snapshotParseError('"snapshot.meta" declares more than 255 node or edge types');
  }
  const nodeCount = count(header, 'node_count');
  const edgeCount = count(header, 'edge_count');
  if (nodeCount === 0) throw snapshotParseError('"snapshot.node_count" is 0: the snapshot has no objects');
  if (nodeCount >= 2 ** 32 - 2 || edgeCount >= 2 ** 32) {
    throw snapshotParseError(`${nodeCount} nodes and ${edgeCount} edges are more than Heapdeck can index`);
  }
  const rootNodeIndex = header.root_index === undefined ? 0 : count(header, 'root_index');
  const extraNativeBytes = header.extra_native_bytes === undefined ? 0 : count(header, 'extra_native_bytes');
  const layout: SnapshotLayout = {
    nodeCount,
    edgeCount,
    nodeFieldCount: nodeFields.length,
    nodeTypeOffset,
    nodeNameOffset: fieldOffset(nodeFields, 'name', 'node_fields'),
    nodeIdOffset: fieldOffset(nodeFields, 'id', 'node_fields'),
    nodeSelfSizeOffset: fieldOffset(nodeFields, 'self_size', 'node_fields'),
    nodeEdgeCountOffset: fieldOffset(nodeFields, 'edge_count', 'node_fields'),
    nodeDetachednessOffset: nodeFields.indexOf('detachedness'),
    nodeTypeNames,
    edgeFieldCount: edgeFields.length,
    edgeTypeOffset,
    edgeNameOffset: fieldOffset(edgeFields, 'name_or_index', 'edge_fields'),
    edgeToNodeOffset: fieldOffset(edgeFields, 'to_node', 'edge_fields'),
    edgeTypeNames,
    rootOrdinal: rootNodeIndex / nodeFields.length,
    extraNativeBytes,
  };
  if (rootNodeIndex % layout.nodeFieldCount !== 0 || layout.rootOrdinal >= nodeCount) {
    throw snapshotParseError(`"snapshot.root_index" ${rootNodeIndex} does not point at a node`);
  }
  if (meta.location_fields !== undefined) {
    const fields = stringList(meta.location_fields, 'location_fields');
    layout.location = {
      fieldCount: fields.length,
      objectIndex: fieldOffset(fields, 'object_index', 'location_fields'),
      scriptId: fieldOffset(fields, 'script_id', 'location_fields'),
      line: fieldOffset(fields, 'line', 'location_fields'),
      column: fieldOffset(fields, 'column', 'location_fields'),
    };
  }
  return layout;
}
