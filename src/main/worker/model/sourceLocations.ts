import type { HeapGraph } from '../graph/heapGraph';
import type { KnownStrings } from '../graph/knownStrings';
import { internalTarget } from './internalEdges';

export interface SourceLocation {
  scriptId: number;
  line: number;
  column: number;
  scriptName?: string;
}

/**
 * Where V8 says an object's code is (the snapshot's `locations`: a closure's function, an
 * object's constructor), with the script's name when the heap still holds the script: V8 links
 * closure → `shared` (SharedFunctionInfo) → `script_or_debug_info` (`script` before V8 10) →
 * the Script, named after its URL or file. Objects borrow the name from a closure of the same
 * script, found once per script id.
 */
export class SourceLocations {
  private readonly scriptNames = new Map<number, string | undefined>();
  private readonly closureType: number;

  constructor(
    private readonly graph: HeapGraph,
    private readonly known: KnownStrings,
  ) {
    this.closureType = graph.nodeTypeNames.indexOf('closure');
  }

  of(ordinal: number): SourceLocation | undefined {
    const { locations } = this.graph;
    const at = indexOf(locations.ordinals, locations.count, ordinal);
    if (at < 0) return undefined;
    const location = { scriptId: locations.scriptIds[at]!, line: locations.lines[at]!, column: locations.columns[at]! };
    const scriptName = this.graph.nodeTypes[ordinal] === this.closureType ? this.scriptNameOfClosure(ordinal) : this.scriptName(location.scriptId);
    return scriptName ? { ...location, scriptName } : location;
  }

  private scriptName(scriptId: number): string | undefined {
    if (!this.scriptNames.has(scriptId)) {
      const { locations, nodeTypes } = this.graph;
      let name: string | undefined;
      for (let at = 0; at < locations.count && !name; at++) {
        const ordinal = locations.ordinals[at]!;
        if (locations.scriptIds[at] === scriptId && nodeTypes[ordinal] === this.closureType) name = this.scriptNameOfClosure(ordinal);
      }
      this.scriptNames.set(scriptId, name);
    }
    return this.scriptNames.get(scriptId);
  }

  private scriptNameOfClosure(closure: number): string | undefined {
    const shared = internalTarget(this.graph, closure, (name) => this.known.is('shared', name));
    const script = shared === undefined ? undefined : internalTarget(this.graph, shared, (name) => this.known.is('script_or_debug_info', name) || this.known.is('script', name));
    if (script === undefined) return undefined;
    const name = this.graph.strings.get(this.graph.nodeNames[script]!);
    // A function with debug info points at a DebugInfo instead; an eval'd script has no name.
    return name && !name.startsWith('system / ') ? name : undefined;
  }
}

/** Binary search in the sorted first `count` entries. */
function indexOf(sorted: Uint32Array, count: number, value: number): number {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = sorted[middle]!;
    if (found === value) return middle;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
