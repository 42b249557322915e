import { useCallback, useEffect, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import type { SessionSummary } from '../../../shared/model/sessions';
import { useApi } from '../../api/useApi';

/** Recorded sessions, newest first, with refresh and delete. */
export function useSessions() {
  const client = useApi();
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [loading, setLoading] = useState(false);

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      setSessions(await client.call('listSessions', {}));
      setError(null);
    } catch (caught) {
      setError(toErrorDto(caught));
    } finally {
      setLoading(false);
    }
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const remove = useCallback(
    async (sessionId: string) => {
      await client.call('deleteSession', { sessionId });
      setSessions((current) => current?.filter((session) => session.sessionId !== sessionId) ?? null);
    },
    [client],
  );

  return { sessions, error, loading, refresh, remove };
}
