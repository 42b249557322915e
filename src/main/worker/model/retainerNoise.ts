import type { RetainerNoise } from '../../../shared/model/heapSnapshots';
import type { EphemeronNames } from '../graph/ephemeronNames';
import { edgeHasStringName, type HeapGraph } from '../graph/heapGraph';

const CONSOLE_SUFFIX = ' / DevTools console';
const DEBUGGER_ROOT = '(Debugger)';
// GC roots that are V8's caches and tables, not something a program holds on to.
const V8_CACHE_ROOTS = new Set([
  '(GC roots)',
  '(Internalized strings)',
  '(External strings)',
  '(Read-only roots)',
  '(Smi roots)',
  '(Builtins)',
  '(Startup object cache)',
  '(Read-only object cache)',
  '(Shareable object cache)',
  '(Compilation cache)',
  '(Code flusher)',
  '(Retain maps)',
  '(Weak collections)',
  '(Write barrier)',
  '(Client heap)',
]);

/**
 * Sorts a retaining edge into the kind of noise it is, if any (the kinds are documented on
 * RetainersPage in the contract). Looks only at the edge and its source, so it is cheap enough
 * for every retainer of an object with a million of them.
 */
export class RetainerNoiseKinds {
  private readonly systemTypes: Set<number>;
  private readonly syntheticKinds = new Map<number, RetainerNoise | undefined>();
  private readonly consoleNames = new Map<number, boolean>();

  constructor(
    private readonly graph: HeapGraph,
    private readonly ephemerons: EphemeronNames,
  ) {
    // V8's own objects: "(system)" hidden objects, hidden classes (maps) and code objects.
    this.systemTypes = new Set(['hidden', 'object shape', 'code'].map((name) => graph.nodeTypeNames.indexOf(name)).filter((type) => type >= 0));
  }

  kindOf(edge: number, source: number): RetainerNoise | undefined {
    const { graph } = this;
    const { types } = graph;
    const type = graph.edgeTypes[edge];
    if (type === types.edgeWeak) return 'weak';
    if (type === types.edgeInternal && this.ephemerons.tableIdOf(graph.edgeNames[edge]!) === graph.nodeIds[source]) return 'weakMapTable';
    const sourceType = graph.nodeTypes[source]!;
    if (sourceType === types.synthetic) return this.fromSynthetic(edge, source);
    if ((type === types.edgeInternal || type === types.edgeHidden) && this.systemTypes.has(sourceType)) return 'internal';
    return undefined;
  }

  private fromSynthetic(edge: number, source: number): RetainerNoise | undefined {
    const { graph } = this;
    if (source === graph.rootOrdinal) return 'internal';
    if (edgeHasStringName(graph, edge) && this.isConsoleName(graph.edgeNames[edge]!)) return 'inspector';
    const name = graph.nodeNames[source]!;
    if (!this.syntheticKinds.has(name)) {
      const text = graph.strings.get(name);
      this.syntheticKinds.set(name, text === DEBUGGER_ROOT ? 'inspector' : V8_CACHE_ROOTS.has(text) ? 'internal' : undefined);
    }
    return this.syntheticKinds.get(name);
  }

  private isConsoleName(name: number): boolean {
    let is = this.consoleNames.get(name);
    if (is === undefined) {
      is = this.graph.strings.get(name).endsWith(CONSOLE_SUFFIX);
      this.consoleNames.set(name, is);
    }
    return is;
  }
}
