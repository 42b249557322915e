import { formatClockTime } from '../../format/time';
import { alertDetails, alertTitle } from './alertText';
import { useAlertToasts } from './useAlertToasts';

export function ToastStack() {
  const { toasts, dismiss } = useAlertToasts();
  return (
    <div className="toast-stack" aria-live="assertive">
      {toasts.map(({ id, alert, targetTitle }) => (
        <div key={id} className={`toast level-${alert.level}`} role="alert" data-testid="toast" data-alert-kind={alert.kind}>
          <div className="toast-body">
            <div className="toast-title">
              {alertTitle(alert)} <span className="muted">· {formatClockTime(alert.timestampMs)}</span>
            </div>
            <div className="toast-target truncate" title={targetTitle}>
              {targetTitle}
            </div>
            <div>{alert.message}</div>
            {alertDetails(alert) && <div className="muted">{alertDetails(alert)}</div>}
          </div>
          <button type="button" className="btn small ghost" onClick={() => dismiss(id)} aria-label="Dismiss alert" data-testid="toast-dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
