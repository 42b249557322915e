import { useCallback, useEffect, useRef, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import type { TargetsListing } from '../../../shared/model/targets';
import { useApi } from '../../api/useApi';

const AUTO_REFRESH_MS = 5000;

/**
 * The Targets listing, refreshed on demand and every 5 s while the window is visible.
 * Refreshes never overlap: a slow process scan must not pile up calls. A refresh asked for
 * meanwhile (say, after adding an endpoint) runs once the current one is done.
 */
export function useTargetsListing(endpoints: readonly string[]) {
  const client = useApi();
  const [listing, setListing] = useState<TargetsListing | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const inFlight = useRef(false);
  const askedAgain = useRef(false);
  const endpointsKey = endpoints.join(',');
  // Read at call time, so a refresh queued behind a slow one asks for the newest endpoints.
  const latestEndpoints = useRef(endpointsKey);
  latestEndpoints.current = endpointsKey;

  const refresh = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      askedAgain.current = true;
      return;
    }
    inFlight.current = true;
    setRefreshing(true);
    try {
      setListing(await client.call('listTargets', { endpoints: latestEndpoints.current.split(',') }));
      setError(null);
    } catch (caught) {
      setError(toErrorDto(caught));
    } finally {
      inFlight.current = false;
      setRefreshing(false);
    }
    if (askedAgain.current) {
      askedAgain.current = false;
      await refresh();
    }
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh, endpointsKey]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, AUTO_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return { listing, error, refreshing, refresh };
}
