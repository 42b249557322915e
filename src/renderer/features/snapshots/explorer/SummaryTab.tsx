import { useCallback, useState, type RefObject } from 'react';
import type { ClassSortKey, ObjectFilter, ObjectRow, OpenedSnapshotInfo } from '../../../../shared/model/heapSnapshots';
import { useApi } from '../../../api/useApi';
import { VirtualTree } from '../../../components/tree/VirtualTree';
import { heapColumns } from './heapColumns';
import { summarySource } from './heapTreeSources';
import { objectOf, type HeapTreeItem } from './heapTreeItems';
import { SummaryToolbar, type SummaryControls } from './SummaryToolbar';
import { useLazyTree } from './useLazyTree';

interface SummaryTabProps {
  info: OpenedSnapshotInfo;
  baselines: OpenedSnapshotInfo[];
  controls: SummaryControls;
  onControlsChange(controls: SummaryControls): void;
  onSelect(object: ObjectRow | undefined): void;
  onFindId(id: number): void;
  filterInput: RefObject<HTMLInputElement | null>;
}

const TEXT_SORTS: ClassSortKey[] = ['name', 'minDistance'];

function objectFilter(controls: SummaryControls, info: OpenedSnapshotInfo, baselines: OpenedSnapshotInfo[]): ObjectFilter {
  const baseline = baselines.find((candidate) => candidate.path === controls.baselinePath);
  return {
    preset: controls.preset,
    ...(baseline ? { idRange: { afterId: baseline.maxObjectId, upToId: info.maxObjectId } } : {}),
  };
}

/** One row per class; a class opens to its instances (paged), an instance to its references. */
export function SummaryTab({ info, baselines, controls, onControlsChange, onSelect, onFindId, filterInput }: SummaryTabProps) {
  const client = useApi();
  const [sort, setSort] = useState<{ key: ClassSortKey; ascending: boolean }>({ key: 'retainedSizeBytes', ascending: false });
  const objects = objectFilter(controls, info, baselines);
  const objectsKey = JSON.stringify(objects);
  const tree = useLazyTree(
    () =>
      summarySource(client, info.snapshotId, {
        sortBy: sort.key,
        ascending: sort.ascending,
        filter: controls.filter,
        regex: controls.regex,
        objects,
        instanceSortBy: controls.instanceSortBy,
      }),
    [client, info.snapshotId, sort, controls.filter, controls.regex, objectsKey, controls.instanceSortBy],
  );
  const onSort = useCallback((key: string) => {
    const next = key as ClassSortKey;
    // Sizes and counts read best biggest first; names and distances smallest first.
    setSort((current) => (current.key === next ? { key: next, ascending: !current.ascending } : { key: next, ascending: TEXT_SORTS.includes(next) }));
  }, []);
  const select = useCallback((item: HeapTreeItem | undefined) => onSelect(objectOf(item)), [onSelect]);

  return (
    <div className="explorer-tab" data-testid="summary-tab">
      <SummaryToolbar controls={controls} onChange={onControlsChange} baselines={baselines} onFindId={onFindId} filterInput={filterInput} />
      <VirtualTree
        tree={tree}
        columns={heapColumns({ totalSizeBytes: info.totalSizeBytes, sortable: true, nameLabel: 'Constructor' })}
        label="Summary by constructor"
        testId="summary-tree"
        sort={sort}
        onSort={onSort}
        onSelect={select}
        rowTestId={rowTestId}
        emptyText="No class matches the filter."
      />
    </div>
  );
}

/** Stable handles for tests and for people reading the DOM: `class-<name>`, `object-<id>`. */
export function rowTestId(item: HeapTreeItem): string {
  if (item.kind === 'class' || item.kind === 'classDiff') return `class-${item.row.name}`;
  if (item.kind === 'change') return `change-${item.change}-${item.className}`;
  return `object-${objectOf(item)!.id}`;
}
