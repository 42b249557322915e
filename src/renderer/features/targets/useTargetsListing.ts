import { useCallback, useEffect, useRef, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import type { TargetsListing } from '../../../shared/model/targets';
import { useApi } from '../../api/useApi';

const AUTO_REFRESH_MS = 5000;

/**
 * The Targets listing, refreshed on demand and every 5 s while the window is visible.
 * Refreshes never overlap: a slow process scan must not pile up calls.
 */
export function useTargetsListing(endpoints: readonly string[]) {
  const client = useApi();
  const [listing, setListing] = useState<TargetsListing | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const inFlight = useRef(false);
  const endpointsKey = endpoints.join(',');

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRefreshing(true);
    try {
      setListing(await client.call('listTargets', { endpoints: endpointsKey.split(',') }));
      setError(null);
    } catch (caught) {
      setError(toErrorDto(caught));
    } finally {
      inFlight.current = false;
      setRefreshing(false);
    }
  }, [client, endpointsKey]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, AUTO_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return { listing, error, refreshing, refresh };
}
