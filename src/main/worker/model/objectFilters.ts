import { HeapdeckError } from '../../../shared/contract/errors';
import type { ObjectFilter } from '../../../shared/model/heapSnapshots';
import type { HeapAnalysis } from '../graph/analyzeGraph';
import { BitVector } from '../graph/bitVector';
import { UNREACHABLE_DISTANCE } from '../graph/distances';
import { DOM_DETACHED } from '../graph/domState';
import type { DominatorTree } from '../graph/dominatorTree';
import { duplicatedStrings } from './duplicatedStrings';
import { eventHandlerObjects } from './eventHandlerObjects';
import { RecentCache } from './recentCache';

export type ObjectPreset = Exclude<NonNullable<ObjectFilter['preset']>, 'all'>;
const PRESETS: readonly ObjectPreset[] = ['detached', 'eventHandlers', 'duplicatedStrings', 'unreachable'];

/** The objects a filter selects; `selection` undefined means every object. */
export interface Selected {
  /** Equal for equal filters: what caches of filtered results are keyed by. */
  key: string;
  selection?: BitVector;
}

/**
 * Turns an ObjectFilter into a set of nodes. Each preset is computed once and kept (a bit per
 * node); combinations with an id range are kept for the last few filters.
 */
export class ObjectSelections {
  private readonly presets = new Map<ObjectPreset, BitVector>();
  private readonly combined = new RecentCache<BitVector>(4);

  constructor(
    private readonly analysis: HeapAnalysis,
    private readonly dominatorTree: () => DominatorTree,
  ) {}

  select(filter: ObjectFilter | undefined): Selected {
    const preset = filter?.preset === 'all' ? undefined : filter?.preset;
    if (preset !== undefined && !PRESETS.includes(preset)) {
      throw new HeapdeckError('INVALID_ARGUMENT', `There is no object filter "${String(preset)}"; use one of all, ${PRESETS.join(', ')}.`);
    }
    const range = filter?.idRange ? checkedRange(filter.idRange) : undefined;
    if (!range) return preset ? { key: preset, selection: this.preset(preset) } : { key: '' };
    const key = `${preset ?? ''}|${range.afterId}..${range.upToId}`;
    return { key, selection: this.combined.get(key, () => this.inIdRange(range.afterId, range.upToId, preset && this.preset(preset))) };
  }

  private preset(preset: ObjectPreset): BitVector {
    let selection = this.presets.get(preset);
    if (!selection) {
      selection = this.compute(preset);
      this.presets.set(preset, selection);
    }
    return selection;
  }

  private compute(preset: ObjectPreset): BitVector {
    const { graph, known, distances } = this.analysis;
    switch (preset) {
      case 'detached':
        return this.where((ordinal) => isDetached(this.analysis, ordinal));
      case 'unreachable':
        return this.where((ordinal) => distances[ordinal] === UNREACHABLE_DISTANCE);
      case 'duplicatedStrings':
        return duplicatedStrings(graph, known);
      case 'eventHandlers':
        return eventHandlerObjects(graph, known, this.dominatorTree());
    }
  }

  private inIdRange(afterId: number, upToId: number, within: BitVector | undefined): BitVector {
    const ids = this.analysis.graph.nodeIds;
    return this.where((ordinal) => ids[ordinal]! > afterId && ids[ordinal]! <= upToId && (!within || within.get(ordinal)));
  }

  private where(test: (ordinal: number) => boolean): BitVector {
    const selection = new BitVector(this.analysis.graph.nodeCount);
    for (let ordinal = 0; ordinal < selection.size; ordinal++) if (test(ordinal)) selection.set(ordinal);
    return selection;
  }
}

// Node names its own embedder objects so, and V8 marks some of them detached: they are not DOM.
const NODE_EMBEDDER_PREFIX = 'Node / ';

/**
 * A DOM node no longer in a document: V8's detachedness mark (spread to the embedder objects
 * it reaches, see domState.ts), or for snapshots written before V8 had that field, Blink's own
 * "Detached " name prefix. Node's own embedder objects (`Node / …`) are never DOM nodes.
 */
export function isDetached({ graph }: HeapAnalysis, ordinal: number): boolean {
  if (graph.nodeTypes[ordinal] !== graph.types.native) return false;
  const name = graph.strings.get(graph.nodeNames[ordinal]!);
  if (name.startsWith(NODE_EMBEDDER_PREFIX)) return false;
  if (graph.detachedness) return graph.detachedness[ordinal] === DOM_DETACHED;
  return name.startsWith('Detached ');
}

function checkedRange({ afterId, upToId }: NonNullable<ObjectFilter['idRange']>): { afterId: number; upToId: number } {
  const valid = (id: unknown) => typeof id === 'number' && Number.isInteger(id) && id >= 0;
  if (!valid(afterId) || (upToId !== undefined && (!valid(upToId) || upToId < afterId))) {
    throw new HeapdeckError('INVALID_ARGUMENT', `The id range (${afterId}, ${upToId ?? '…'}] is not a range of object ids.`);
  }
  return { afterId, upToId: upToId ?? Number.MAX_SAFE_INTEGER };
}
