import { useEffect, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../../shared/contract/errors';
import { isUnreachableDistance, SYSTEM_DISTANCE_BASE, type ObjectDetails, type ObjectRow } from '../../../../shared/model/heapSnapshots';
import { useApi } from '../../../api/useApi';
import { ByteSize } from '../../../components/ByteSize';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { objectLabel } from './heapLabels';

interface ObjectInspectorProps {
  snapshotId: string;
  object: ObjectRow;
  onInspect(object: ObjectRow): void;
  /** Absent for objects of another snapshot than the explorer's. */
  onRevealInSummary?(object: ObjectRow): void;
  onRevealInDominators?(object: ObjectRow): void;
}

function ObjectLink({ object, onInspect }: { object: ObjectRow; onInspect(object: ObjectRow): void }) {
  return (
    <button type="button" className="link-button" onClick={() => onInspect(object)}>
      {objectLabel(object)} <span className="heap-id">@{object.id}</span> (<ByteSize sizeBytes={object.selfSizeBytes} />)
    </button>
  );
}

/** Everything about one object: sizes, distance, a string's value, a closure's source location. */
export function ObjectInspector({ snapshotId, object, onInspect, onRevealInSummary, onRevealInDominators }: ObjectInspectorProps) {
  const client = useApi();
  const [details, setDetails] = useState<ObjectDetails | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  useEffect(() => {
    let current = true;
    setDetails(null);
    setError(null);
    client.call('getObjectDetails', { snapshotId, ordinal: object.ordinal }).then(
      (value) => current && setDetails(value),
      (caught: unknown) => current && setError(toErrorDto(caught)),
    );
    return () => {
      current = false;
    };
  }, [client, snapshotId, object.ordinal]);

  return (
    <section className="explorer-panel inspector" aria-label="Object inspector" data-testid="object-inspector">
      <div className="explorer-toolbar">
        <strong className="panel-title">{objectLabel(object)}</strong>
        <span className="heap-id">@{object.id}</span>
      </div>
      <dl className="inspector-fields">
        <dt>Class</dt>
        <dd data-testid="inspector-class">{object.className}</dd>
        <dt>Type</dt>
        <dd>{object.type}</dd>
        <dt>Shallow size</dt>
        <dd>
          <ByteSize sizeBytes={object.selfSizeBytes} />
        </dd>
        <dt>Retained size</dt>
        <dd>
          <ByteSize sizeBytes={object.retainedSizeBytes} testId="inspector-retained" />
        </dd>
        <dt>Distance</dt>
        <dd>
          {isUnreachableDistance(object.distance)
            ? 'unreachable from the GC roots'
            : object.distance >= SYSTEM_DISTANCE_BASE
              ? "reached only through V8's system roots"
              : object.distance}
        </dd>
        {details?.detached && (
          <>
            <dt>DOM</dt>
            <dd>Detached from the document</dd>
          </>
        )}
        {details?.location && (
          <>
            <dt>Defined at</dt>
            <dd data-testid="inspector-location">
              {details.location.scriptName ?? `script ${details.location.scriptId}`}:{details.location.line + 1}:{details.location.column + 1}
            </dd>
          </>
        )}
        {details?.slicedParent && (
          <>
            <dt>Slice of</dt>
            <dd data-testid="inspector-sliced-parent">
              <ObjectLink object={details.slicedParent} onInspect={onInspect} />
            </dd>
          </>
        )}
        {details?.concatenatedParts && (
          <>
            <dt>Made of</dt>
            <dd>
              {details.concatenatedParts.map((part) => (
                <div key={part.ordinal}>
                  <ObjectLink object={part} onInspect={onInspect} />
                </div>
              ))}
            </dd>
          </>
        )}
      </dl>
      {details?.string && (
        <div className="inspector-string">
          <div className="share">
            {details.string.length.toLocaleString('en-US')} characters{details.string.truncated ? ' (start shown)' : ''}
          </div>
          <pre data-testid="inspector-string">{details.string.value}</pre>
        </div>
      )}
      {error && <ErrorNotice error={error} title="Could not read this object" compact />}
      {onRevealInSummary && onRevealInDominators && (
        <div className="inspector-actions">
          <button type="button" className="btn small" onClick={() => onRevealInSummary(object)} data-testid="reveal-in-summary">
            Reveal in Summary
          </button>
          <button type="button" className="btn small" onClick={() => onRevealInDominators(object)} data-testid="reveal-in-dominators">
            Reveal in Dominators
          </button>
        </div>
      )}
    </section>
  );
}
