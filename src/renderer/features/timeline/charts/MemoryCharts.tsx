import { useMemo } from 'react';
import type { Alert, GcEvent, MemorySample } from '../../../../shared/model/metrics';
import type { TargetKind } from '../../../../shared/model/targets';
import { DomCountersChart } from './DomCountersChart';
import { GcLane } from './GcLane';
import { GcLegend } from './GcLegend';
import { HeapChart, type BrushWindow } from './HeapChart';
import { SpacesChart } from './SpacesChart';
import { timeDomainOf } from './timeAxis';

interface MemoryChartsProps {
  samples: readonly MemorySample[];
  gcEvents: readonly GcEvent[];
  alerts: readonly Alert[];
  targetKind: TargetKind;
  /** Charts with the same id share their hover: one tooltip position across all of them. */
  syncId: string;
  showLimit: boolean;
  brush?: BrushWindow;
  snapshotTimes?: readonly number[];
}

/** Every chart of one target, on one time axis; used live and for recorded sessions alike. */
export function MemoryCharts({ samples, gcEvents, alerts, targetKind, syncId, showLimit, brush, snapshotTimes }: MemoryChartsProps) {
  const domain = useMemo(() => timeDomainOf(samples.map((sample) => sample.timestampMs)), [samples]);
  const isNode = targetKind === 'node' || targetKind === 'node-worker';
  const hasSpaces = isNode && samples.some((sample) => sample.spaces && sample.spaces.length > 0);
  const hasDom = samples.some((sample) => sample.domNodes !== undefined);

  return (
    <div className="memory-charts">
      <HeapChart samples={samples} domain={domain} alerts={alerts} isNode={isNode} showLimit={showLimit} syncId={syncId} brush={brush} snapshotTimes={snapshotTimes} />
      {(isNode || gcEvents.length > 0) && (
        <>
          <GcLane gcEvents={gcEvents} domain={domain} />
          <GcLegend />
        </>
      )}
      {hasSpaces && <SpacesChart samples={samples} domain={domain} syncId={syncId} />}
      {hasDom && <DomCountersChart samples={samples} domain={domain} syncId={syncId} />}
    </div>
  );
}
