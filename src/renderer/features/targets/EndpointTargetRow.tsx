import type { ErrorDto } from '../../../shared/contract/errors';
import type { EndpointTarget } from '../../../shared/model/targets';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AttachButton } from './AttachButton';
import { activateOnEnter } from './rowKeys';

interface EndpointTargetRowProps {
  target: EndpointTarget;
  pending: boolean;
  error: ErrorDto | undefined;
  onAttach: () => void;
  onDismissError: () => void;
}

const KIND_LABELS: Record<EndpointTarget['kind'], string> = {
  node: 'Node',
  'node-worker': 'Node worker',
  'chrome-page': 'page',
  'chrome-worker': 'worker',
  'chrome-service-worker': 'service worker',
  other: 'other',
};

export function EndpointTargetRow({ target, pending, error, onAttach, onDismissError }: EndpointTargetRowProps) {
  const busy = !target.webSocketDebuggerUrl;
  return (
    <>
      <tr
        tabIndex={0}
        data-testid={`endpoint-target-${target.id}`}
        onKeyDown={busy ? undefined : activateOnEnter(onAttach)}
        aria-label={`${KIND_LABELS[target.kind]} ${target.title}`}
      >
        <td>
          <span className="tag">{KIND_LABELS[target.kind]}</span>
        </td>
        <td className="truncate" title={target.title}>
          {target.title || '(untitled)'}
        </td>
        <td className="truncate url" title={target.url}>
          {target.url}
        </td>
        <td className="actions">
          <AttachButton
            pending={pending}
            disabled={busy}
            title={busy ? 'Another debugger is attached to this target; close it first.' : `Attach to ${target.url || target.title}`}
            testId={`attach-target-${target.id}`}
            onAttach={onAttach}
          />
        </td>
      </tr>
      {error && (
        <tr className="row-error">
          <td colSpan={4}>
            <ErrorNotice error={error} title="Could not attach" onDismiss={onDismissError} compact />
          </td>
        </tr>
      )}
    </>
  );
}
