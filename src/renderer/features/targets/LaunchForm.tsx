import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { splitArgs } from './launchArgs';
import type { AttachState } from './useAttach';

const KEY = 'launch';

/** Runs `node --inspect-brk` on a script and attaches before its first line. */
export function LaunchForm({ attachState }: { attachState: AttachState }) {
  const [script, setScript] = useState('');
  const [args, setArgs] = useState('');
  const [cwd, setCwd] = useState('');
  const [scriptError, setScriptError] = useState<string | null>(null);
  const pending = attachState.pendingKeys.has(KEY);
  const error = attachState.errors[KEY];

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!script.trim()) {
      setScriptError('Enter the path of the script to run.');
      return;
    }
    setScriptError(null);
    const argList = splitArgs(args);
    void attachState.attach(KEY, {
      by: 'launch',
      script: script.trim(),
      ...(argList.length > 0 && { args: argList }),
      ...(cwd.trim() && { cwd: cwd.trim() }),
    });
  };

  return (
    <section className="card" aria-labelledby="launch-heading">
      <header className="card-header">
        <h2 id="launch-heading">Launch a script</h2>
      </header>
      <form className="launch-form" onSubmit={submit}>
        <label className="field">
          <span>Script</span>
          <input
            className="input"
            placeholder="/path/to/app.js"
            value={script}
            aria-invalid={scriptError !== null}
            onChange={(event) => setScript(event.target.value)}
            data-testid="launch-script"
          />
        </label>
        <label className="field">
          <span>Arguments</span>
          <input
            className="input"
            placeholder='--port 8080 --name "two words"'
            value={args}
            onChange={(event) => setArgs(event.target.value)}
            data-testid="launch-args"
          />
        </label>
        <label className="field">
          <span>Working directory</span>
          <input
            className="input"
            placeholder="(Heapdeck's own)"
            value={cwd}
            onChange={(event) => setCwd(event.target.value)}
            data-testid="launch-cwd"
          />
        </label>
        <button type="submit" className="btn primary" disabled={pending} data-testid="launch-submit">
          {pending ? (
            <>
              <Spinner label="Launching" /> Launching…
            </>
          ) : (
            'Launch and watch'
          )}
        </button>
      </form>
      {scriptError && (
        <p className="field-error" role="alert">
          {scriptError}
        </p>
      )}
      {error && <ErrorNotice error={error} title="Could not launch" onDismiss={() => attachState.clearError(KEY)} compact />}
    </section>
  );
}
