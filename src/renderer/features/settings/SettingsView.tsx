import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { AlertSettingsEditor } from './AlertSettingsEditor';
import { NotificationSettings } from './NotificationSettings';
import { useAlertSettings } from './useAlertSettings';

export function SettingsView() {
  const { settings, loadError, reload, save } = useAlertSettings();
  return (
    <div className="view narrow" data-testid="view-settings">
      <header className="view-header">
        <h1>Settings</h1>
      </header>
      <section className="card" aria-labelledby="alerts-heading">
        <header className="card-header">
          <h2 id="alerts-heading">Alert thresholds</h2>
        </header>
        {loadError && <ErrorNotice error={loadError} title="Could not load the settings" onRetry={() => void reload()} />}
        {!settings && !loadError && (
          <p className="hint">
            <Spinner /> Loading settings…
          </p>
        )}
        {settings && <AlertSettingsEditor settings={settings} onSave={save} />}
      </section>
      <section className="card" aria-labelledby="notifications-heading">
        <header className="card-header">
          <h2 id="notifications-heading">System notifications</h2>
        </header>
        <NotificationSettings />
      </section>
    </div>
  );
}
