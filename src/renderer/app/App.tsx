import { useConnectionStatus } from '../api/useApi';
import { OpenSnapshotsProvider } from '../features/snapshots/OpenSnapshotsProvider';
import { LiveStoreProvider } from '../features/timeline/LiveStoreProvider';
import { ConnectionScreen } from './ConnectionScreen';
import { Shell } from './Shell';

/** `launchSnapshot`: a file the app was started with, opened once connected. */
export function App({ launchSnapshot }: { launchSnapshot?: string }) {
  const status = useConnectionStatus();
  if (status.state !== 'open' && status.state !== 'reconnecting') return <ConnectionScreen status={status} />;
  return (
    <LiveStoreProvider>
      <OpenSnapshotsProvider>
        <Shell reconnectAttempt={status.state === 'reconnecting' ? status.attempt : null} launchSnapshot={launchSnapshot} />
      </OpenSnapshotsProvider>
    </LiveStoreProvider>
  );
}
