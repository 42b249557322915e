import { useCallback, useEffect, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import type { AlertSettings } from '../../../shared/model/metrics';
import { useApi } from '../../api/useApi';

/** The alert thresholds as Heapdeck holds them, and saving new ones. */
export function useAlertSettings() {
  const client = useApi();
  const [settings, setSettings] = useState<AlertSettings | null>(null);
  const [loadError, setLoadError] = useState<ErrorDto | null>(null);

  const load = useCallback(async () => {
    try {
      setSettings(await client.call('getAlertSettings', {}));
      setLoadError(null);
    } catch (error) {
      setLoadError(toErrorDto(error));
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (next: AlertSettings) => {
      const saved = await client.call('setAlertSettings', { settings: next });
      setSettings(saved);
      return saved;
    },
    [client],
  );

  return { settings, loadError, reload: load, save };
}
