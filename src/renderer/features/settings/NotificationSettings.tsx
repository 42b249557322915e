import { useState } from 'react';

/** Asks for notification permission only on a click, as browsers require and users expect. */
export function NotificationSettings() {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(
    supported ? Notification.permission : 'unsupported',
  );

  if (permission === 'unsupported') return <p className="hint">System notifications are not available here.</p>;
  if (permission === 'granted') return <p className="ok-text">Alerts also appear as system notifications.</p>;
  if (permission === 'denied') {
    return <p className="hint">System notifications are blocked. Allow them in your system or browser settings to get alerts there.</p>;
  }
  return (
    <div className="inline-form">
      <button
        type="button"
        className="btn"
        onClick={() => void Notification.requestPermission().then(setPermission)}
        data-testid="enable-notifications"
      >
        Enable system notifications
      </button>
      <span className="hint">Alerts show inside Heapdeck either way.</span>
    </div>
  );
}
