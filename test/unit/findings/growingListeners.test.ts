import { describe, expect, it } from 'vitest';
import type { ObjectMeasure } from '../../../src/main/worker/analyses/analysis';
import { growingListeners } from '../../../src/main/worker/analyses/growingListeners';
import { growingObjects, measureObjects } from '../../../src/main/worker/analyses/growthSeries';
import { analysisContextOf } from '../../fixtures/analysisContext';
import { SnapshotBuilder } from '../../fixtures/snapshotBuilder';

const EMITTER_ID = 2001;

/** An EventEmitter as Node lays it out: `_events` holds an array for "data" and one function for "end". */
function emitterWith(dataListeners: number) {
  const b = new SnapshotBuilder();
  const global = b.node({ name: 'global', selfSize: 10 });
  const emitter = b.node({ name: 'Socket', selfSize: 100, id: EMITTER_ID });
  const events = b.node({ name: 'Object', selfSize: 24 });
  const data = b.node({ name: 'Array', selfSize: 32 });
  b.edge(b.root, global, 'shortcut', 'global').edge(global, emitter, 'property', 'socket').edge(emitter, events, 'property', '_events');
  b.edge(events, data, 'property', 'data').edge(events, b.node({ type: 'closure', name: 'onEnd', selfSize: 56 }), 'property', 'end');
  for (let k = 0; k < dataListeners; k++) b.edge(data, b.node({ type: 'closure', name: 'onData', selfSize: 56 }), 'element', k);
  return analysisContextOf(b);
}

describe('growing listeners', () => {
  it('counts an emitter\'s listeners per event, from the functions in its _events object', async () => {
    const [measure] = measureObjects(growingListeners, await emitterWith(12)) as ObjectMeasure[];
    expect(measure).toEqual({
      id: EMITTER_ID,
      count: 13,
      retainedBytes: 24 + 32 + 13 * 56,
      notes: ['"data": 12 listeners', '"end": 1 listener'],
    });
    // Fewer than 10 listeners in the last snapshot: not followed.
    expect(measureObjects(growingListeners, await emitterWith(5))).toEqual([]);
  });

  it('flags an emitter that gained listeners every time, by at least 10', async () => {
    const contexts = await Promise.all([3, 8, 14].map(emitterWith));
    const last = measureObjects(growingListeners, contexts[2]!) as ObjectMeasure[];
    const earlier = contexts.slice(0, 2).map((context) => measureObjects(growingListeners, context, [EMITTER_ID]));
    expect(growingObjects(growingListeners, last, earlier).map((object) => object.counts)).toEqual([[4, 9, 15]]);
    // Growth of 9 in all is below the threshold.
    const slow = await Promise.all([5, 8, 13].map(emitterWith));
    const slowLast = measureObjects(growingListeners, slow[2]!) as ObjectMeasure[];
    const slowEarlier = slow.slice(0, 2).map((context) => measureObjects(growingListeners, context, [EMITTER_ID]));
    expect(growingObjects(growingListeners, slowLast, slowEarlier)).toEqual([]);
  });
});
