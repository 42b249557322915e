import { useCallback } from 'react';
import type { ObjectRow, OpenedSnapshotInfo } from '../../../../shared/model/heapSnapshots';
import { useApi } from '../../../api/useApi';
import { VirtualTree } from '../../../components/tree/VirtualTree';
import { heapColumns } from './heapColumns';
import { containmentSource } from './heapTreeSources';
import { objectOf, type HeapTreeItem } from './heapTreeItems';
import { rowTestId } from './SummaryTab';
import { useLazyTree } from './useLazyTree';

/** The heap as V8 links it, from the synthetic root: GC roots, globals, native contexts. */
export function ContainmentTab({ info, onSelect }: { info: OpenedSnapshotInfo; onSelect(object: ObjectRow | undefined): void }) {
  const client = useApi();
  const tree = useLazyTree(() => containmentSource(client, info.snapshotId, info.rootOrdinal), [client, info.snapshotId, info.rootOrdinal]);
  const select = useCallback((item: HeapTreeItem | undefined) => onSelect(objectOf(item)), [onSelect]);
  return (
    <div className="explorer-tab" data-testid="containment-tab">
      <VirtualTree
        tree={tree}
        columns={heapColumns({ totalSizeBytes: info.totalSizeBytes })}
        label="Containment from the GC roots"
        testId="containment-tree"
        onSelect={select}
        rowTestId={rowTestId}
      />
    </div>
  );
}
