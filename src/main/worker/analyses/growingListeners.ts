import { edgeName } from '../model/nodeNames';
import { eventsObjectOf, forEachEmitterListener } from '../model/eventHandlerObjects';
import type { SeriesAnalysis } from './analysis';
import { describeHolder } from './pathWords';

const MAX_NOTES = 5;

/**
 * Event emitters whose listener count grows: Node `EventEmitter`s, whose listeners are the
 * functions in their `_events` object (see eventHandlerObjects.ts), followed by V8 id across
 * the series. Flagged (see growthSeries.ts) when the count rose between every two snapshots of at
 * least three AND by at least `minGrowth` listeners overall: Node itself warns from 10 listeners
 * for one event, and an app adding and removing listeners as it works keeps a flat count.
 * (Blink's listeners are kept by the DOM nodes' native side, which a snapshot does not tie to
 * one target object; Chrome pages are not followed here.)
 */
export const growingListeners: SeriesAnalysis = {
  kind: 'growing-listeners',
  minFinalCount: 10,
  minGrowth: 10,
  measure({ analysis }, ordinal) {
    const { graph, known, retainedSizes } = analysis;
    const events = eventsObjectOf(graph, known, ordinal);
    if (events === undefined) return undefined;
    const perEvent = new Map<number, number>();
    let count = 0;
    forEachEmitterListener(graph, known, events, (_listener, eventEdge) => {
      count++;
      perEvent.set(eventEdge, (perEvent.get(eventEdge) ?? 0) + 1);
    });
    const notes = [...perEvent]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_NOTES)
      .map(([eventEdge, listeners]) => `"${edgeName(graph, eventEdge)}": ${listeners} listener${listeners === 1 ? '' : 's'}`);
    return { id: graph.nodeIds[ordinal]!, count, retainedBytes: retainedSizes[events]!, notes };
  },
  describe(object, counts, last, path) {
    const growth = counts[counts.length - 1]! - counts[0]!;
    return {
      countLabel: 'listeners',
      title: `${object.className}${describeHolder(path)} gained listeners in every snapshot: ${counts[0]} → ${last.count}`,
      suggestion:
        `Remove each listener when the code that added it is done (emitter.off / removeListener, or once / an AbortSignal); ` +
        `${Math.round(growth / (counts.length - 1))} listeners were added per snapshot and never removed.`,
    };
  },
};
