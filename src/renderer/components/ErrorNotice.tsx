import type { ErrorDto } from '../../shared/contract/errors';

interface ErrorNoticeProps {
  error: ErrorDto;
  /** Short context, e.g. "Could not attach". */
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
  compact?: boolean;
}

/** An error as a sentence plus its code, so a user can quote it and a test can match it. */
export function ErrorNotice({ error, title, onRetry, onDismiss, compact }: ErrorNoticeProps) {
  return (
    <div className={compact ? 'error-notice compact' : 'error-notice'} role="alert" data-error-code={error.code}>
      <span className="error-code">{error.code}</span>
      <span className="error-text">
        {title && <strong>{title}: </strong>}
        {error.message}
      </span>
      {(onRetry || onDismiss) && (
        <span className="error-actions">
          {onRetry && (
            <button type="button" className="btn small" onClick={onRetry}>
              Retry
            </button>
          )}
          {onDismiss && (
            <button type="button" className="btn small ghost" onClick={onDismiss} aria-label="Dismiss error">
              ✕
            </button>
          )}
        </span>
      )}
    </div>
  );
}
