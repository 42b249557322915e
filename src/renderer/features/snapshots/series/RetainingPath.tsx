import type { PathStep } from '../../../../shared/model/comparisons';
import type { ObjectRow } from '../../../../shared/model/heapSnapshots';
import { edgeLabel, objectLabel } from '../explorer/heapLabels';

/** An object and how it is held, read toward the roots: `Entry ← [12] (array) ← table Map ← …`. */
export function RetainingPath({ object, path }: { object?: ObjectRow; path: readonly PathStep[] }) {
  return (
    <ol className="retaining-path" data-testid="retaining-path">
      {object && (
        <li>
          <span className="class-name">{objectLabel(object)}</span> <span className="heap-id">@{object.id}</span>
        </li>
      )}
      {path.map((step, k) => (
        <li key={k}>
          <span className="share">← </span>
          <span className="edge-name">{edgeLabel({ type: step.edgeType, name: step.edgeName }).text}</span>
          <span className="share"> in </span>
          <span className="class-name">{objectLabel(step.holder)}</span> <span className="heap-id">@{step.holder.id}</span>
        </li>
      ))}
    </ol>
  );
}
