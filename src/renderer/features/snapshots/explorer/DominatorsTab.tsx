import { useCallback, useEffect, useState } from 'react';
import type { ObjectRow, OpenedSnapshotInfo } from '../../../../shared/model/heapSnapshots';
import { useApi } from '../../../api/useApi';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAsyncAction } from '../../../components/useAsyncAction';
import { VirtualTree } from '../../../components/tree/VirtualTree';
import { heapColumns } from './heapColumns';
import { objectLabel } from './heapLabels';
import { dominatorSource } from './heapTreeSources';
import { objectOf, type HeapTreeItem } from './heapTreeItems';
import { rowTestId } from './SummaryTab';
import { useLazyTree } from './useLazyTree';

interface DominatorsTabProps {
  info: OpenedSnapshotInfo;
  /** The object whose dominated objects the tree lists (the root unless one was revealed). */
  focusOrdinal: number;
  onFocus(ordinal: number): void;
  onSelect(object: ObjectRow | undefined): void;
}

/**
 * The dominator tree: each object's children are what it alone keeps alive, biggest first.
 * Above it, the path from the root to the focused object; any step can be focused.
 */
export function DominatorsTab({ info, focusOrdinal, onFocus, onSelect }: DominatorsTabProps) {
  const client = useApi();
  const tree = useLazyTree(() => dominatorSource(client, info.snapshotId, focusOrdinal), [client, info.snapshotId, focusOrdinal]);
  const select = useCallback((item: HeapTreeItem | undefined) => onSelect(objectOf(item)), [onSelect]);
  const [path, setPath] = useState<ObjectRow[]>([]);
  const loadPath = useAsyncAction(async (ordinal: number) => {
    const fromObject = await client.call('getDominatorPath', { snapshotId: info.snapshotId, ordinal });
    setPath(fromObject.reverse());
  });
  const { run } = loadPath;
  useEffect(() => void run(focusOrdinal), [run, focusOrdinal]);

  return (
    <div className="explorer-tab" data-testid="dominators-tab">
      <nav className="dominator-path" aria-label="Dominator path from the root" data-testid="dominator-path">
        {path.map((object, index) => (
          <span key={object.ordinal}>
            {index > 0 && <span className="share"> › </span>}
            <button
              type="button"
              className="link-button"
              aria-current={object.ordinal === focusOrdinal ? 'step' : undefined}
              onClick={() => onFocus(object.ordinal)}
              title={`@${object.id}`}
            >
              {object.ordinal === info.rootOrdinal ? '(root)' : objectLabel(object)}
            </button>
          </span>
        ))}
      </nav>
      {loadPath.error && <ErrorNotice error={loadPath.error} title="Could not read the dominator path" compact />}
      <VirtualTree
        tree={tree}
        columns={heapColumns({ totalSizeBytes: info.totalSizeBytes })}
        label="Dominator tree"
        testId="dominators-tree"
        onSelect={select}
        rowTestId={rowTestId}
        emptyText="This object keeps nothing else alive on its own."
      />
    </div>
  );
}
