import { MAX_STRING_PREVIEW, type ObjectDetails } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { internalTarget } from './internalEdges';
import { cutByV8, joinConsString } from './nodeNames';
import { isDetached } from './objectFilters';
import { SourceLocations } from './sourceLocations';
import type { ObjectRow } from './snapshotRows';

/**
 * What the object inspector shows beyond the row: a string's value, the string a sliced string
 * keeps alive, a concatenated string's halves, where a closure's (or constructor's) code is,
 * and whether a DOM node is detached. Strings are as V8 recorded them: at most 1024 characters
 * of each plain string, and no value at all for a sliced one (only its parent).
 */
export class ObjectDetailsReader {
  private readonly locations: SourceLocations;

  constructor(
    private readonly analysis: HeapAnalysis,
    private readonly row: (ordinal: number) => ObjectRow,
  ) {
    this.locations = new SourceLocations(analysis.graph, analysis.known);
  }

  read(ordinal: number): ObjectDetails {
    const { graph } = this.analysis;
    const type = graph.nodeTypes[ordinal];
    const { types } = graph;
    const details: ObjectDetails = { object: this.row(ordinal) };
    if (type === types.string || type === types.consString) details.string = this.stringValue(ordinal);
    if (type === types.slicedString) {
      const parent = internalTarget(graph, ordinal, (name) => this.analysis.known.is('parent', name));
      if (parent !== undefined) details.slicedParent = this.row(parent);
    }
    if (type === types.consString) {
      details.concatenatedParts = (['first', 'second'] as const).flatMap((name) => {
        const part = internalTarget(graph, ordinal, (edgeName) => this.analysis.known.is(name, edgeName));
        return part === undefined ? [] : [this.row(part)];
      });
    }
    const location = this.locations.of(ordinal);
    if (location) details.location = location;
    if (type === types.native) details.detached = isDetached(this.analysis, ordinal);
    return details;
  }

  private stringValue(ordinal: number): NonNullable<ObjectDetails['string']> {
    const { graph, known } = this.analysis;
    if (graph.nodeTypes[ordinal] === graph.types.consString) {
      const joined = joinConsString(graph, known, ordinal, MAX_STRING_PREVIEW, true);
      return preview(joined.text, joined.length, joined.partCut);
    }
    const recorded = graph.strings.get(graph.nodeNames[ordinal]!);
    return preview(recorded, recorded.length, cutByV8(graph, ordinal, recorded));
  }
}

function preview(text: string, length: number, cutBefore: boolean): NonNullable<ObjectDetails['string']> {
  const cut = text.length > MAX_STRING_PREVIEW;
  return { value: cut ? text.slice(0, MAX_STRING_PREVIEW) : text, length, truncated: cut || cutBefore || text.length < length };
}
