import { useConnectionStatus } from '../api/useApi';
import { OpenSnapshotsProvider } from '../features/snapshots/OpenSnapshotsProvider';
import { LiveStoreProvider } from '../features/timeline/LiveStoreProvider';
import { ConnectionScreen } from './ConnectionScreen';
import { Shell } from './Shell';

export function App() {
  const status = useConnectionStatus();
  if (status.state !== 'open' && status.state !== 'reconnecting') return <ConnectionScreen status={status} />;
  return (
    <LiveStoreProvider>
      <OpenSnapshotsProvider>
        <Shell reconnectAttempt={status.state === 'reconnecting' ? status.attempt : null} />
      </OpenSnapshotsProvider>
    </LiveStoreProvider>
  );
}
