import { useMemo } from 'react';
import { Spinner } from '../../components/Spinner';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatClockTime } from '../../format/time';
import { useLiveState } from '../timeline/useLiveState';
import { ConnectByUrl } from './ConnectByUrl';
import { EndpointsSection } from './EndpointsSection';
import { LaunchForm } from './LaunchForm';
import { ProcessTable } from './ProcessTable';
import { useAttach } from './useAttach';
import { useSavedEndpoints } from './useSavedEndpoints';
import { useTargetsListing } from './useTargetsListing';

/** Everything Heapdeck can attach to, and the ways to reach what it cannot see. */
export function TargetsView({ onAttached }: { onAttached: () => void }) {
  const saved = useSavedEndpoints();
  const { listing, error, refreshing, refresh } = useTargetsListing(saved.endpoints);
  const attachState = useAttach(onAttached);
  const { watches } = useLiveState();
  const watchedPids = useMemo(() => {
    const pids = new Set<number>();
    for (const { info } of watches) {
      const pid = info.target.pid ?? info.launchedPid;
      if (info.status === 'watching' && info.target.kind === 'node' && pid !== undefined) pids.add(pid);
    }
    return pids;
  }, [watches]);

  return (
    <div className="view" data-testid="view-targets">
      <header className="view-header">
        <h1>Targets</h1>
        <div className="view-tools">
          <span className="hint" aria-live="polite">
            {refreshing && <Spinner label="Refreshing" />}
            {listing ? `Updated ${formatClockTime(listing.listedAtMs)}` : 'Looking for targets…'}
          </span>
          <button type="button" className="btn" onClick={() => void refresh()} disabled={refreshing} data-testid="targets-refresh">
            Refresh
          </button>
        </div>
      </header>
      {error && <ErrorNotice error={error} title="Could not list targets" onRetry={() => void refresh()} />}
      <ProcessTable
        processes={listing?.processes}
        processesError={listing?.processesError}
        attachState={attachState}
        watchedPids={watchedPids}
        onShowWatch={onAttached}
      />
      <EndpointsSection
        endpoints={saved.endpoints}
        userEndpoints={saved.userEndpoints}
        listings={listing?.endpoints}
        attachState={attachState}
        onAdd={saved.add}
        onRemove={saved.remove}
      />
      <div className="two-columns">
        <ConnectByUrl attachState={attachState} />
        <LaunchForm attachState={attachState} />
      </div>
    </div>
  );
}
