import { Spinner } from '../../components/Spinner';

interface AttachButtonProps {
  pending: boolean;
  onAttach: () => void;
  disabled?: boolean;
  /** Why, or what attaching will do; shown on hover. */
  title?: string;
  testId?: string;
  label?: string;
}

export function AttachButton({ pending, onAttach, disabled, title, testId, label = 'Attach' }: AttachButtonProps) {
  return (
    <button
      type="button"
      className="btn primary small"
      disabled={disabled || pending}
      aria-busy={pending}
      title={title}
      data-testid={testId}
      onClick={(event) => {
        // Rows also attach on Enter; the button's own click must not bubble into a second attach.
        event.stopPropagation();
        onAttach();
      }}
    >
      {pending ? (
        <>
          <Spinner label="Attaching" /> Attaching…
        </>
      ) : (
        label
      )}
    </button>
  );
}
