import type { EndpointListing } from '../../../shared/model/targets';
import { Spinner } from '../../components/Spinner';
import { EndpointTargetRow } from './EndpointTargetRow';
import type { AttachState } from './useAttach';

interface EndpointCardProps {
  endpoint: string;
  /** Absent until the first listing answered. */
  listing: EndpointListing | undefined;
  attachState: AttachState;
  onRemove?: () => void;
}

export function EndpointCard({ endpoint, listing, attachState, onRemove }: EndpointCardProps) {
  return (
    <div className="endpoint" data-testid={`endpoint-${endpoint}`}>
      <div className="endpoint-header">
        <code className="endpoint-address">{endpoint}</code>
        {!listing ? (
          <Spinner label={`Checking ${endpoint}`} />
        ) : listing.reachable ? (
          <span className="tag ok">reachable</span>
        ) : (
          <span className="tag muted">unreachable</span>
        )}
        {listing?.product && <span className="product">{listing.product}</span>}
        {listing && !listing.reachable && listing.error && <span className="hint">{listing.error}</span>}
        {onRemove && (
          <button
            type="button"
            className="btn small ghost push-right"
            onClick={onRemove}
            aria-label={`Remove ${endpoint}`}
            data-testid={`endpoint-remove-${endpoint}`}
          >
            Remove
          </button>
        )}
      </div>
      {listing?.reachable && listing.targets.length === 0 && <p className="hint">No targets listed.</p>}
      {listing && listing.targets.length > 0 && (
        <table className="table compact">
          <tbody>
            {listing.targets.map((target) => {
              const key = `endpoint:${endpoint}:${target.id}`;
              return (
                <EndpointTargetRow
                  key={target.id}
                  target={target}
                  pending={attachState.pendingKeys.has(key)}
                  error={attachState.errors[key]}
                  onAttach={() => void attachState.attach(key, { by: 'endpoint', endpoint, match: target.id })}
                  onDismissError={() => attachState.clearError(key)}
                />
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
