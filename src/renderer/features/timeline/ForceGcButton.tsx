import { useState } from 'react';
import { formatBytes } from '../../../shared/format/bytes';
import type { GcEvent, MemorySample } from '../../../shared/model/metrics';
import { useApi } from '../../api/useApi';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { useAsyncAction } from '../../components/useAsyncAction';
import { formatPauseMs } from '../../format/time';

interface ForceGcButtonProps {
  watchId: string;
  disabled: boolean;
  /** Heap used before the GC, to say how much it freed. */
  heapUsedBeforeBytes: number | undefined;
}

interface GcOutcome {
  gc: GcEvent | null;
  sample: MemorySample;
  freedBytes: number | undefined;
}

export function ForceGcButton({ watchId, disabled, heapUsedBeforeBytes }: ForceGcButtonProps) {
  const client = useApi();
  const [outcome, setOutcome] = useState<GcOutcome | null>(null);
  const collect = useAsyncAction(async () => {
    const result = await client.call('collectGarbage', { watchId });
    const freedBytes = heapUsedBeforeBytes === undefined ? undefined : heapUsedBeforeBytes - result.sample.heapUsedBytes;
    setOutcome({ ...result, freedBytes });
  });

  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={disabled || collect.pending}
        onClick={() => void collect.run()}
        data-testid="force-gc"
        title="Ask V8 for a full garbage collection (HeapProfiler.collectGarbage)"
      >
        {collect.pending ? (
          <>
            <Spinner label="Collecting garbage" /> Collecting…
          </>
        ) : (
          'Force GC'
        )}
      </button>
      {outcome && !collect.pending && (
        <span className="gc-outcome" data-testid="force-gc-result" role="status">
          {outcome.gc ? `${outcome.gc.kind} GC, ${formatPauseMs(outcome.gc.durationMs)} pause` : 'GC done'}
          {outcome.freedBytes !== undefined && outcome.freedBytes > 0 && `, freed ${formatBytes(outcome.freedBytes)}`}
          {`, heap now ${formatBytes(outcome.sample.heapUsedBytes)}`}
        </span>
      )}
      {collect.error && <ErrorNotice error={collect.error} title="Force GC failed" onDismiss={collect.clearError} compact />}
    </>
  );
}
