import type { ErrorDto } from '../../../shared/contract/errors';
import type { NodeProcessInfo } from '../../../shared/model/targets';
import { ByteSize } from '../../components/ByteSize';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AttachButton } from './AttachButton';
import { activateOnEnter } from './rowKeys';

interface ProcessRowProps {
  process: NodeProcessInfo;
  pending: boolean;
  error: ErrorDto | undefined;
  /** Already watched: the button shows the watch instead of attaching twice. */
  watched: boolean;
  onAttach: () => void;
  onShowWatch: () => void;
  onDismissError: () => void;
}

const SIGUSR1_HINT = 'Heapdeck will send SIGUSR1 to switch its inspector on';

function attachHint(process: NodeProcessInfo): { title: string; disabled: boolean } {
  if (process.inspectorPorts.length > 0) return { title: `Attach to the inspector on :${process.inspectorPorts[0]}`, disabled: false };
  if (process.otherUser) {
    return { title: 'This process belongs to another user, so Heapdeck cannot send it SIGUSR1.', disabled: true };
  }
  return { title: SIGUSR1_HINT, disabled: false };
}

export function ProcessRow({ process, pending, error, watched, onAttach, onShowWatch, onDismissError }: ProcessRowProps) {
  const { title, disabled } = watched ? { title: 'Heapdeck is watching this process; show its charts', disabled: false } : attachHint(process);
  const activate = watched ? onShowWatch : onAttach;
  const inspector = process.inspectorPorts.length > 0 ? `open on :${process.inspectorPorts.join(', :')}` : 'closed';
  return (
    <>
      <tr
        tabIndex={0}
        className={pending ? 'row-busy' : undefined}
        data-testid={`process-row-${process.pid}`}
        onKeyDown={disabled ? undefined : activateOnEnter(activate)}
        aria-label={`Node process ${process.pid}`}
      >
        <td className="num">{process.pid}</td>
        <td className="truncate command" title={process.command}>
          {process.command}
        </td>
        <td className="num">
          <ByteSize sizeBytes={process.rssBytes} />
        </td>
        <td>
          <span className={process.inspectorPorts.length > 0 ? 'tag ok' : 'tag muted'}>{inspector}</span>
          {process.otherUser && <span className="tag muted">other user</span>}
          {watched && <span className="tag ok">watching</span>}
        </td>
        <td className="actions">
          <AttachButton
            pending={pending}
            disabled={disabled}
            title={title}
            testId={`attach-pid-${process.pid}`}
            label={watched ? 'Show' : 'Attach'}
            onAttach={activate}
          />
        </td>
      </tr>
      {process.inspectorPorts.length === 0 && !process.otherUser && pending && (
        <tr className="row-note">
          <td colSpan={5}>{SIGUSR1_HINT}…</td>
        </tr>
      )}
      {error && (
        <tr className="row-error">
          <td colSpan={5}>
            <ErrorNotice error={error} title={`Could not attach to pid ${process.pid}`} onDismiss={onDismissError} compact />
          </td>
        </tr>
      )}
    </>
  );
}
