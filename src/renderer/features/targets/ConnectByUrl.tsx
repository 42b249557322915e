import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import type { AttachRequest } from '../../../shared/model/targets';
import { parseTargetSpec } from '../../../shared/targetSpec';
import type { AttachState } from './useAttach';

const KEY = 'url';

export function ConnectByUrl({ attachState }: { attachState: AttachState }) {
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const pending = attachState.pendingKeys.has(KEY);
  const error = attachState.errors[KEY];

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    let request: AttachRequest;
    try {
      request = parseTargetSpec(input);
    } catch (error) {
      setInputError(error instanceof Error ? error.message : String(error));
      return;
    }
    setInputError(null);
    void attachState.attach(KEY, request);
  };

  return (
    <section className="card" aria-labelledby="connect-heading">
      <header className="card-header">
        <h2 id="connect-heading">Connect by URL</h2>
      </header>
      <form className="inline-form wide" onSubmit={submit}>
        <input
          className="input grow"
          placeholder="ws://127.0.0.1:9229/…, host:port or pid:1234"
          aria-label="Debugger URL, host:port or pid"
          aria-invalid={inputError !== null}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          data-testid="connect-url-input"
        />
        <button type="submit" className="btn primary" disabled={pending} data-testid="connect-url-button">
          {pending ? (
            <>
              <Spinner label="Connecting" /> Connecting…
            </>
          ) : (
            'Connect'
          )}
        </button>
      </form>
      {inputError && (
        <p className="field-error" role="alert">
          {inputError}
        </p>
      )}
      {error && <ErrorNotice error={error} title="Could not connect" onDismiss={() => attachState.clearError(KEY)} compact />}
    </section>
  );
}
