import type { ConnectionStatus } from '../api/connectionStatus';
import { useConnection } from '../api/useApi';
import { Spinner } from '../components/Spinner';

/** Full-window states before the app can be used: connecting, no token, token refused. */
export function ConnectionScreen({ status }: { status: ConnectionStatus }) {
  const { retry } = useConnection();
  if (status.state === 'connecting') {
    return (
      <div className="connection-screen">
        <Spinner label="Connecting to Heapdeck" />
        <p>Connecting to Heapdeck…</p>
      </div>
    );
  }
  if (status.state === 'no-token') {
    return (
      <div className="connection-screen" data-testid="connection-no-token">
        <h1>This page needs its access token</h1>
        <p className="error-notice-inline">
          <span className="error-code">UNAUTHORIZED</span> The address has no <code>#token=…</code>.
        </p>
        <p>
          Open the full address that <code>heapdeck serve</code> printed in your terminal; it ends with{' '}
          <code>#token=…</code>. The token keeps other pages and programs on this machine out.
        </p>
      </div>
    );
  }
  return (
    <div className="connection-screen" data-testid="connection-refused">
      <h1>Heapdeck did not accept this page</h1>
      <p className="error-notice-inline">
        <span className="error-code">UNAUTHORIZED</span> The connection was refused or closed.
      </p>
      <p>
        The token may be from an earlier run (each <code>heapdeck serve</code> prints a new one), or Heapdeck is no
        longer running. Start it again and open the address it prints.
      </p>
      <button type="button" className="btn primary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
