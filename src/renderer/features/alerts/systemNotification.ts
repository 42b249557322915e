import type { Alert } from '../../../shared/model/metrics';
import { alertDetails, alertTitle } from './alertText';

/** True when the OS may show Heapdeck's notifications (the user allowed it in Settings). */
export function systemNotificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

/** Mirrors an alert to the OS, so it is seen while Heapdeck is behind other windows. */
export function notifySystem(alert: Alert, targetTitle: string): void {
  if (!systemNotificationsAllowed()) return;
  const details = alertDetails(alert);
  new Notification(`${alertTitle(alert)}: ${targetTitle}`, {
    body: details ? `${alert.message}\n${details}` : alert.message,
    tag: `${alert.watchId}:${alert.kind}`,
  });
}
