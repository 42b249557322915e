import { Spinner } from '../components/Spinner';

/** Shown while the socket to Heapdeck is down; live data resumes by itself. */
export function ReconnectBanner({ attempt }: { attempt: number }) {
  return (
    <div className="banner warning" role="status" data-testid="reconnecting">
      <Spinner label="Reconnecting" />
      <span>
        Lost the connection to Heapdeck. Reconnecting{attempt > 1 ? ` (attempt ${attempt})` : ''}… Recording goes on in
        Heapdeck meanwhile; the charts fill the gap once the connection is back.
      </span>
    </div>
  );
}
