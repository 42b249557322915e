import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsyncAction } from '../../components/useAsyncAction';

interface DeleteSessionButtonProps {
  sessionId: string;
  disabled: boolean;
  onDelete: (sessionId: string) => Promise<void>;
}

/** Delete behind an inline confirmation: the files go for good. */
export function DeleteSessionButton({ sessionId, disabled, onDelete }: DeleteSessionButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const remove = useAsyncAction(() => onDelete(sessionId));

  if (remove.error) return <ErrorNotice error={remove.error} title="Could not delete" onDismiss={remove.clearError} compact />;
  if (!confirming) {
    return (
      <button
        type="button"
        className="btn small ghost"
        disabled={disabled}
        title={disabled ? 'Detach first: this session is still recording' : 'Delete this session from disk'}
        onClick={() => setConfirming(true)}
        data-testid={`session-delete-${sessionId}`}
      >
        Delete
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm delete">
      <span>Delete files?</span>
      <button
        type="button"
        className="btn small danger"
        disabled={remove.pending}
        onClick={() => void remove.run()}
        data-testid={`session-delete-confirm-${sessionId}`}
        autoFocus
      >
        {remove.pending ? 'Deleting…' : 'Delete'}
      </button>
      <button type="button" className="btn small ghost" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
