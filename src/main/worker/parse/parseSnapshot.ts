import type { HeapGraph, NodeLocations } from '../graph/heapGraph';
import { typeIndexes } from '../graph/heapGraph';
import type { OwnershipGraph } from '../graph/pageOwnership';
import { BufferedNumbers } from './bufferedNumbers';
import { ChunkCursor } from './chunkCursor';
import { EdgeRecords } from './edgeRecords';
import { CLOSE_BRACE, COLON, COMMA, OPEN_BRACE, expectToken, peekToken, readKey, readSmallJson, skipValue } from './jsonTokens';
import { LocationRecords } from './locationRecords';
import { NodeRecords } from './nodeRecords';
import { scanNumberSection, sectionBuffers, type SectionBuffers, type SectionHelper } from './numberSection';
import { describeByte, snapshotParseError, truncatedError } from './parseError';
import { readSnapshotLayout, type SnapshotLayout } from './snapshotMeta';
import { scanStringArray } from './stringArrayScanner';
import { StringStore } from './stringStore';

const MAX_HEADER_BYTES = 16 * 1024 * 1024;
const NUMERIC_SECTIONS = ['nodes', 'edges', 'locations'] as const;
type NumericSection = (typeof NUMERIC_SECTIONS)[number];

export interface ParseOptions {
  /** Called after each chunk with the bytes consumed so far. */
  onBytesRead?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /** Called once the header is known, before the big arrays are allocated (memory checks). */
  onLayout?: (layout: SnapshotLayout) => void;
  /** A thread to share the work of `nodes` and `edges` with, asked for once the header is read. */
  sectionHelper?: () => SectionHelper | undefined;
  /** Called once `edges` is read, while the rest of the file (the strings) still is. */
  onEdges?: (edges: ReadEdges) => void;
}

export interface ReadEdges {
  nodeCount: number;
  edgeTargets: Uint32Array;
  /** The nodes and edges without names, when `nodes` came before `edges` (as V8 writes them). */
  graph?: OwnershipGraph;
}

interface Sections {
  layout?: SnapshotLayout;
  nodes?: NodeRecords;
  edges?: EdgeRecords;
  locations?: LocationRecords;
  buffered: Partial<Record<NumericSection, BufferedNumbers>>;
  strings?: StringStore;
  helper?: SectionHelper;
  locationValues?: number;
  /** Allocated with the first numeric section. */
  buffers?: SectionBuffers;
}

/** Checks a section's sink once it holds all `values` numbers (locations are checked at the end). */
function finishSection(sections: Sections, section: NumericSection, values: number, helperStat = -1): void {
  switch (section) {
    case 'nodes':
      return sections.nodes!.finish(values, helperStat);
    case 'edges':
      return sections.edges!.finish(values, helperStat);
    case 'locations':
      sections.locationValues = values;
      return;
  }
}

function sinkFor(sections: Sections, section: NumericSection, layout: SnapshotLayout): NodeRecords | EdgeRecords | LocationRecords {
  switch (section) {
    case 'nodes':
      return (sections.nodes = new NodeRecords(layout));
    case 'edges':
      return (sections.edges = new EdgeRecords(layout));
    case 'locations':
      return (sections.locations = new LocationRecords(layout));
  }
}

async function readSection(cursor: ChunkCursor, key: string, sections: Sections, options: ParseOptions): Promise<void> {
  if (key === 'snapshot') {
    const layout = readSnapshotLayout(await readSmallJson(cursor, 'snapshot', MAX_HEADER_BYTES));
    options.onLayout?.(layout);
    sections.layout = layout;
    sections.helper = options.sectionHelper?.();
    for (const section of NUMERIC_SECTIONS) {
      const buffered = sections.buffered[section];
      if (!buffered) continue;
      finishSection(sections, section, buffered.replayInto(sinkFor(sections, section, layout)));
      delete sections.buffered[section];
    }
    return;
  }
  if ((NUMERIC_SECTIONS as readonly string[]).includes(key)) {
    const section = key as NumericSection;
    const layout = sections.layout;
    if (!layout) {
      sections.buffered[section] = new BufferedNumbers();
      await scanNumberSection(cursor, section, sections.buffered[section], (sections.buffers ??= sectionBuffers()));
      return;
    }
    const sink = sinkFor(sections, section, layout);
    const sharing = sections.helper && !(sink instanceof LocationRecords) ? { helper: sections.helper, share: sink.share() } : undefined;
    const scan = await scanNumberSection(cursor, section, sink, (sections.buffers ??= sectionBuffers()), sharing);
    finishSection(sections, section, scan.values, scan.helperStat);
    if (sink instanceof EdgeRecords) options.onEdges?.(readEdges(sections, layout, sink));
    return;
  }
  if (key === 'strings') {
    sections.strings = new StringStore();
    await scanStringArray(cursor, sections.strings);
    return;
  }
  // trace_function_infos, trace_tree, samples and anything newer: not needed for the analyses.
  await skipValue(cursor, key);
}

function readEdges(sections: Sections, layout: SnapshotLayout, edges: EdgeRecords): ReadEdges {
  const { nodeCount } = layout;
  const read: ReadEdges = { nodeCount, edgeTargets: edges.arrays.targets };
  // Nodes not read yet (or cut short, which fails the parse later) have no first edges to walk.
  if (!sections.nodes?.finished) return read;
  return {
    ...read,
    graph: {
      nodeCount,
      firstEdges: sections.nodes.arrays.firstEdges,
      edgeTypes: edges.arrays.types,
      edgeTargets: edges.arrays.targets,
      rootOrdinal: layout.rootOrdinal,
      types: typeIndexes(layout.nodeTypeNames, layout.edgeTypeNames),
    },
  };
}

async function readTopLevel(cursor: ChunkCursor, options: ParseOptions): Promise<Sections> {
  const first = await peekToken(cursor);
  if (first === -1) throw snapshotParseError('the file is empty');
  if (first !== OPEN_BRACE) {
    throw snapshotParseError(`a snapshot is a JSON object starting with '{', but this file starts with ${describeByte(first)}`, cursor.offset);
  }
  cursor.pos++;
  const sections: Sections = { buffered: {} };
  const seen = new Set<string>();
  if ((await peekToken(cursor)) === CLOSE_BRACE) {
    cursor.pos++;
  } else {
    for (;;) {
      const key = await readKey(cursor, 'the top-level object');
      if (seen.has(key)) throw snapshotParseError(`the section "${key}" appears twice`, cursor.offset);
      seen.add(key);
      await expectToken(cursor, COLON, key);
      await readSection(cursor, key, sections, options);
      const next = await peekToken(cursor);
      if (next === -1) throw truncatedError('the top-level object', cursor.offset);
      cursor.pos++;
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) throw snapshotParseError(`expected ',' or '}' after "${key}" but found ${describeByte(next)}`, cursor.offset - 1);
    }
  }
  const trailing = await peekToken(cursor);
  if (trailing !== -1) throw snapshotParseError(`unexpected ${describeByte(trailing)} after the end of the JSON`, cursor.offset);
  return sections;
}

function assemble(sections: Sections): HeapGraph {
  const { layout, nodes, edges, strings } = sections;
  if (!layout) throw snapshotParseError('the JSON has no "snapshot" section, so it is not a V8 heap snapshot');
  if (!nodes) throw snapshotParseError('the "nodes" section is missing');
  if (!edges) throw snapshotParseError('the "edges" section is missing');
  if (!strings) throw snapshotParseError('the "strings" section is missing');
  const index = Math.max(nodes.maxStringIndex, edges.maxStringIndex);
  if (index >= strings.count) {
    throw snapshotParseError(`a name refers to string ${index} but "strings" has only ${strings.count} entries`);
  }
  strings.trim();
  const locations: NodeLocations = sections.locations?.finish(sections.locationValues ?? 0) ?? {
    count: 0,
    ordinals: new Uint32Array(0),
    scriptIds: new Uint32Array(0),
    lines: new Uint32Array(0),
    columns: new Uint32Array(0),
  };
  return {
    nodeCount: layout.nodeCount,
    edgeCount: layout.edgeCount,
    nodeTypes: nodes.arrays.types,
    nodeNames: nodes.arrays.names,
    nodeIds: nodes.arrays.ids,
    selfSizes: nodes.arrays.selfSizes,
    firstEdges: nodes.arrays.firstEdges,
    detachedness: nodes.arrays.detachedness,
    edgeTypes: edges.arrays.types,
    edgeNames: edges.arrays.names,
    edgeTargets: edges.arrays.targets,
    strings,
    locations,
    nodeTypeNames: layout.nodeTypeNames,
    edgeTypeNames: layout.edgeTypeNames,
    types: typeIndexes(layout.nodeTypeNames, layout.edgeTypeNames),
    rootOrdinal: layout.rootOrdinal,
    extraNativeBytes: layout.extraNativeBytes,
  };
}

/**
 * Parses a `.heapsnapshot` from a stream of byte chunks into flat typed arrays. Never builds
 * the file, or any of its big sections, as one string; fails with SNAPSHOT_PARSE on bad input.
 */
export async function parseSnapshot(chunks: AsyncIterable<Uint8Array>, options: ParseOptions = {}): Promise<HeapGraph> {
  const cursor = new ChunkCursor(chunks, options.onBytesRead, options.signal);
  try {
    return assemble(await readTopLevel(cursor, options));
  } finally {
    await cursor.close();
  }
}
