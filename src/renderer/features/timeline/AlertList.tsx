import type { Alert } from '../../../shared/model/metrics';
import { formatClockTime } from '../../format/time';
import { alertDetails, alertTitle } from '../alerts/alertText';

const SHOWN = 50;

/** This watch's alerts, newest first. */
export function AlertList({ alerts }: { alerts: readonly Alert[] }) {
  if (alerts.length === 0) return null;
  const newestFirst = alerts.slice(-SHOWN).reverse();
  return (
    <section className="alert-list" aria-label="Alerts">
      <h3>
        Alerts <span className="muted">({alerts.length})</span>
      </h3>
      <ul>
        {newestFirst.map((alert) => (
          <li
            key={`${alert.timestampMs}-${alert.kind}`}
            className={`alert-item level-${alert.level}`}
            data-testid="alert-item"
            data-alert-kind={alert.kind}
          >
            <time className="muted">{formatClockTime(alert.timestampMs)}</time>
            <span className={`badge level-${alert.level}`}>{alert.level}</span>
            <span className="alert-title">{alertTitle(alert)}</span>
            <span className="alert-message">{alert.message}</span>
            <span className="muted">{alertDetails(alert)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
