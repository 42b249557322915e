import { useState } from 'react';
import type { SnapshotEntry } from '../../../shared/model/snapshotLibrary';
import { useApi } from '../../api/useApi';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsyncAction } from '../../components/useAsyncAction';

interface SnapshotActionsProps {
  entry: SnapshotEntry;
  onOpen(entry: SnapshotEntry): void;
  onDelete(entry: SnapshotEntry, deleteFile: boolean): Promise<void>;
}

type Mode = 'idle' | 'rename' | 'export' | 'delete';

/** Open, rename, export a copy, reveal and delete, each inline in the row. */
export function SnapshotActions({ entry, onOpen, onDelete }: SnapshotActionsProps) {
  const client = useApi();
  const [mode, setMode] = useState<Mode>('idle');
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const action = useAsyncAction(async () => {
    if (mode === 'rename') await client.call('renameSnapshot', { path: entry.path, name: text });
    if (mode === 'export') {
      const copy = await client.call('exportSnapshot', { path: entry.path, destination: text });
      setNote(`Saved ${copy.path}`);
    }
    if (mode === 'delete') await onDelete(entry, true);
    setMode('idle');
  });
  const reveal = useAsyncAction(async () => {
    const result = await client.call('revealSnapshot', { path: entry.path });
    setNote(result.revealed ? null : `File: ${result.path}`);
  });
  const id = encodeURIComponent(entry.name);
  const start = (next: Mode, initial: string) => {
    setText(initial);
    setNote(null);
    setMode(next);
  };

  if (mode === 'rename' || mode === 'export') {
    return (
      <form
        className="confirm"
        onSubmit={(event) => {
          event.preventDefault();
          void action.run();
        }}
      >
        <input
          className="input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-label={mode === 'rename' ? 'New name' : 'Save a copy to (absolute path ending in .heapsnapshot)'}
          autoFocus
          onKeyDown={(event) => event.key === 'Escape' && setMode('idle')}
          data-testid={`snapshot-${mode}-input`}
        />
        <button type="submit" className="btn small" disabled={action.pending}>
          {mode === 'rename' ? 'Rename' : 'Save copy'}
        </button>
        <button type="button" className="btn small ghost" onClick={() => setMode('idle')}>
          Cancel
        </button>
        {action.error && <ErrorNotice error={action.error} onDismiss={action.clearError} compact />}
      </form>
    );
  }
  if (mode === 'delete') {
    return (
      <span className="confirm" role="group" aria-label="Confirm delete">
        <span>{entry.source === 'session' ? 'Delete the file?' : 'Delete the file from disk?'}</span>
        <button type="button" className="btn small danger" autoFocus onClick={() => void action.run()} data-testid={`snapshot-delete-confirm-${id}`}>
          Delete
        </button>
        {entry.source === 'imported' && (
          <button type="button" className="btn small" onClick={() => void onDelete(entry, false)} title="Forget it here; the file stays where it is">
            Only remove from list
          </button>
        )}
        <button type="button" className="btn small ghost" onClick={() => setMode('idle')}>
          Cancel
        </button>
        {action.error && <ErrorNotice error={action.error} onDismiss={action.clearError} compact />}
      </span>
    );
  }
  return (
    <span className="row-actions">
      <button type="button" className="btn small" disabled={entry.missing} onClick={() => onOpen(entry)} data-testid={`snapshot-open-${id}`}>
        Open
      </button>
      <button type="button" className="btn small ghost" onClick={() => start('rename', entry.name)} data-testid={`snapshot-rename-${id}`}>
        Rename
      </button>
      <button
        type="button"
        className="btn small ghost"
        disabled={entry.missing}
        onClick={() => start('export', entry.path.replace(/\.heapsnapshot$/, '-copy.heapsnapshot'))}
      >
        Export
      </button>
      <button type="button" className="btn small ghost" disabled={entry.missing} onClick={() => void reveal.run()}>
        Reveal
      </button>
      <button type="button" className="btn small ghost" onClick={() => start('delete', '')} data-testid={`snapshot-delete-${id}`}>
        Delete
      </button>
      {note && <span className="share" data-testid="snapshot-note">{note}</span>}
      {reveal.error && <ErrorNotice error={reveal.error} onDismiss={reveal.clearError} compact />}
    </span>
  );
}
