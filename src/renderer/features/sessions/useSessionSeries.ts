import { useEffect, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import type { SessionSeries } from '../../../shared/model/sessions';
import { useApi } from '../../api/useApi';

/** Enough points for a wide chart; zooming in re-asks for the window at full detail. */
const SESSION_CHART_POINTS = 1500;

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** A recorded session's series for the whole session, or for a zoomed window of it. */
export function useSessionSeries(sessionId: string, zoomWindow: TimeWindow | null) {
  const client = useApi();
  const [series, setSeries] = useState<SessionSeries | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    client
      .call('getSessionSeries', { sessionId, maxPoints: SESSION_CHART_POINTS, ...zoomWindow })
      .then((result) => current && setSeries(result))
      .catch((caught: unknown) => current && setError(toErrorDto(caught)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [client, sessionId, zoomWindow, attempt]);

  return { series, error, loading, retry: () => setAttempt((count) => count + 1) };
}
