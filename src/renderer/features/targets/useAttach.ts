import { useCallback, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import type { AttachRequest } from '../../../shared/model/targets';
import { useApi } from '../../api/useApi';
import { useLiveStore } from '../timeline/useLiveState';

/** One attach in flight or failed, per row key (`pid:1234`, `endpoint:…`, `url`, `launch`). */
export interface AttachState {
  pendingKeys: ReadonlySet<string>;
  errors: Readonly<Record<string, ErrorDto>>;
  attach(key: string, request: AttachRequest): Promise<void>;
  clearError(key: string): void;
}

export function useAttach(onAttached: () => void): AttachState {
  const client = useApi();
  const store = useLiveStore();
  const [pendingKeys, setPendingKeys] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, ErrorDto>>({});

  const clearError = useCallback((key: string) => {
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  }, []);

  const attach = useCallback(
    async (key: string, request: AttachRequest) => {
      setPendingKeys((keys) => new Set(keys).add(key));
      clearError(key);
      try {
        store.upsertWatch(await client.call('attach', { request }));
        onAttached();
      } catch (caught) {
        setErrors((current) => ({ ...current, [key]: toErrorDto(caught) }));
      } finally {
        setPendingKeys((keys) => {
          const next = new Set(keys);
          next.delete(key);
          return next;
        });
      }
    },
    [client, store, onAttached, clearError],
  );

  return { pendingKeys, errors, attach, clearError };
}
