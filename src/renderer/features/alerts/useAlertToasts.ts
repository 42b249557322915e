import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../../../shared/model/metrics';
import { useApi } from '../../api/useApi';
import { useLiveStore } from '../timeline/useLiveState';
import { watchLabel } from '../timeline/watchLabel';
import { notifySystem } from './systemNotification';

export interface Toast {
  id: number;
  alert: Alert;
  targetTitle: string;
}

const WARNING_VISIBLE_MS = 10_000;
// A burst of alerts must not bury the screen; the per-watch lists keep them all.
const MAX_TOASTS = 5;

/** Every alert as a toast: warnings leave after 10 s, critical ones stay until dismissed. */
export function useAlertToasts() {
  const client = useApi();
  const store = useLiveStore();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  useEffect(() => {
    const pending = timers.current;
    const stop = client.on('alert', (alert) => {
      const watch = store.getState().watches.find((live) => live.info.watchId === alert.watchId);
      const targetTitle = watch ? watchLabel(watch.info) : 'a watched target';
      const id = nextId.current++;
      setToasts((current) => [...current, { id, alert, targetTitle }].slice(-MAX_TOASTS));
      if (alert.level === 'warning') pending.set(id, setTimeout(() => dismiss(id), WARNING_VISIBLE_MS));
      notifySystem(alert, targetTitle);
    });
    return () => {
      stop();
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, [client, store, dismiss]);

  return { toasts, dismiss };
}
