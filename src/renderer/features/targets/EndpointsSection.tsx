import { useState, type FormEvent } from 'react';
import type { EndpointListing } from '../../../shared/model/targets';
import { formatEndpoint, parseEndpoint } from '../../../shared/targetSpec';
import { EndpointCard } from './EndpointCard';
import type { AttachState } from './useAttach';

interface EndpointsSectionProps {
  endpoints: readonly string[];
  userEndpoints: readonly string[];
  listings: readonly EndpointListing[] | undefined;
  attachState: AttachState;
  onAdd: (endpoint: string) => void;
  onRemove: (endpoint: string) => void;
}

export function EndpointsSection({ endpoints, userEndpoints, listings, attachState, onAdd, onRemove }: EndpointsSectionProps) {
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    let endpoint: string;
    try {
      endpoint = formatEndpoint(parseEndpoint(draft));
    } catch (error) {
      setDraftError(error instanceof Error ? error.message : String(error));
      return;
    }
    onAdd(endpoint);
    setDraft('');
    setDraftError(null);
  };

  return (
    <section className="card" aria-labelledby="endpoints-heading">
      <header className="card-header">
        <h2 id="endpoints-heading">Inspector endpoints</h2>
        <form className="inline-form" onSubmit={submit}>
          <input
            className="input"
            placeholder="host:port"
            aria-label="Add an inspector endpoint"
            aria-invalid={draftError !== null}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            data-testid="endpoint-input"
          />
          <button type="submit" className="btn" data-testid="endpoint-add">
            Add
          </button>
        </form>
      </header>
      {draftError && (
        <p className="field-error" role="alert">
          {draftError}
        </p>
      )}
      <div className="endpoint-list">
        {endpoints.map((endpoint) => (
          <EndpointCard
            key={endpoint}
            endpoint={endpoint}
            listing={listings?.find((listing) => listing.endpoint === endpoint)}
            attachState={attachState}
            onRemove={userEndpoints.includes(endpoint) ? () => onRemove(endpoint) : undefined}
          />
        ))}
      </div>
    </section>
  );
}
