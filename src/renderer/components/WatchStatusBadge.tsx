import type { WatchStatus } from '../../shared/model/watches';

const LABELS: Record<WatchStatus | 'interrupted', string> = {
  watching: 'watching',
  'target-exited': 'target exited',
  'connection-lost': 'connection lost',
  detached: 'detached',
  interrupted: 'interrupted',
};

interface WatchStatusBadgeProps {
  status: WatchStatus | 'interrupted';
  reason?: string;
  testId?: string;
}

/** The state of a watch or recorded session; the reason it ended shows on hover. */
export function WatchStatusBadge({ status, reason, testId }: WatchStatusBadgeProps) {
  return (
    <span className={`badge status-${status}`} title={reason ?? LABELS[status]} data-testid={testId} data-status={status}>
      {status === 'watching' && <span className="pulse" aria-hidden="true" />}
      {LABELS[status]}
    </span>
  );
}
