import { useCallback, useEffect, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../../shared/contract/errors';
import type { ClassDiffSortKey, ComparisonInfo } from '../../../../shared/model/comparisons';
import type { ObjectRow, OpenedSnapshotInfo } from '../../../../shared/model/heapSnapshots';
import { fileName } from '../../../format/fileName';
import { useApi } from '../../../api/useApi';
import { ByteSize } from '../../../components/ByteSize';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { VirtualTree } from '../../../components/tree/VirtualTree';
import { ExportReportButton } from '../../reports/ExportReportButton';
import { AllocatedClusters } from './AllocatedClusters';
import { comparisonColumns } from './comparisonColumns';
import { comparisonSource } from './comparisonTreeSource';
import { foreignSnapshotOf, objectOf, type HeapTreeItem } from './heapTreeItems';
import { rowTestId } from './SummaryTab';
import { useLazyTree } from './useLazyTree';

interface ComparisonTabProps {
  info: OpenedSnapshotInfo;
  /** Other open snapshots: any of them can be the base. */
  others: OpenedSnapshotInfo[];
  onSelect(object: ObjectRow | undefined, snapshotId?: string): void;
}


/** This snapshot against an earlier one: what is new, what was freed, and what grew, per class. */
export function ComparisonTab({ info, others, onSelect }: ComparisonTabProps) {
  const client = useApi();
  const [baseId, setBaseId] = useState(others[0]?.snapshotId ?? '');
  const [comparison, setComparison] = useState<ComparisonInfo | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: ClassDiffSortKey; ascending: boolean }>({ key: 'deltaRetainedBytes', ascending: false });
  const [grouping, setGrouping] = useState<'classes' | 'paths'>('classes');
  const basePath = others.find((other) => other.snapshotId === baseId)?.path;

  useEffect(() => {
    if (!baseId) return undefined;
    let current = true;
    setComparison(null);
    setError(null);
    client.call('compareSnapshots', { baseSnapshotId: baseId, targetSnapshotId: info.snapshotId }).then(
      (value) => current && setComparison(value),
      (caught: unknown) => current && setError(toErrorDto(caught)),
    );
    return () => {
      current = false;
    };
  }, [client, baseId, info.snapshotId]);

  const select = useCallback((item: HeapTreeItem | undefined) => onSelect(objectOf(item), foreignSnapshotOf(item)), [onSelect]);
  const onSort = useCallback((key: string) => {
    const next = key as ClassDiffSortKey;
    setSort((current) => (current.key === next ? { key: next, ascending: !current.ascending } : { key: next, ascending: next === 'name' }));
  }, []);

  if (others.length === 0) {
    return (
      <div className="explorer-tab empty-state" data-testid="comparison-tab">
        Open another snapshot of the same target (from All snapshots) to compare this one with it.
      </div>
    );
  }
  return (
    <div className="explorer-tab" data-testid="comparison-tab">
      <div className="explorer-toolbar">
        <label className="control">
          Compared with
          <ChoiceSelect
            label="Base snapshot"
            value={baseId}
            choices={others.map((other) => ({ value: other.snapshotId, label: fileName(other.path) }))}
            onChange={setBaseId}
            testId="comparison-base"
          />
        </label>
        <input
          className="input"
          type="search"
          placeholder="Filter classes"
          aria-label="Filter compared classes"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          data-testid="comparison-filter"
        />
        {comparison && (
          <span className="comparison-totals" data-testid="comparison-totals">
            Heap <ByteSize sizeBytes={comparison.baseTotalBytes} /> → <ByteSize sizeBytes={comparison.targetTotalBytes} />
            {comparison.matchedById && (
              <>
                {' '}
                · {comparison.newCount.toLocaleString('en-US')} new, {comparison.deletedCount.toLocaleString('en-US')} deleted objects
              </>
            )}
          </span>
        )}
        {!comparison && !error && <Spinner label="Comparing" />}
        {comparison?.matchedById && (
          <span className="segmented" role="group" aria-label="Group by">
            <button type="button" className={grouping === 'classes' ? 'btn small active' : 'btn small'} onClick={() => setGrouping('classes')}>
              By class
            </button>
            <button
              type="button"
              className={grouping === 'paths' ? 'btn small active' : 'btn small'}
              onClick={() => setGrouping('paths')}
              title="Objects allocated since the base and still alive, grouped by how they are retained"
              data-testid="comparison-by-path"
            >
              New objects by retaining path
            </button>
          </span>
        )}
        {comparison && basePath && (
          <ExportReportButton
            source={{ files: [basePath, info.path] }}
            defaultStem={info.path.replace(/\.heapsnapshot$/, '-comparison-report')}
            label="Export comparison"
          />
        )}
      </div>
      {comparison?.warning && (
        <div className="banner warning" role="status" data-testid="comparison-warning">
          {comparison.warning}
        </div>
      )}
      {error && <ErrorNotice error={error} title="Could not compare" compact />}
      {comparison && grouping === 'paths' && comparison.matchedById && <AllocatedClusters comparisonId={comparison.comparisonId} />}
      {comparison && (grouping === 'classes' || !comparison.matchedById) && (
        <ComparisonTree comparison={comparison} filter={filter} sort={sort} onSort={onSort} onSelect={select} />
      )}
    </div>
  );
}

interface ComparisonTreeProps {
  comparison: ComparisonInfo;
  filter: string;
  sort: { key: ClassDiffSortKey; ascending: boolean };
  onSort(key: string): void;
  onSelect(item: HeapTreeItem | undefined): void;
}

function ComparisonTree({ comparison, filter, sort, onSort, onSelect }: ComparisonTreeProps) {
  const client = useApi();
  const tree = useLazyTree(
    () => comparisonSource(client, comparison, { sortBy: sort.key, ascending: sort.ascending, filter }),
    [client, comparison, sort, filter],
  );
  return (
    <VirtualTree
      tree={tree}
      columns={comparisonColumns()}
      label="Comparison by constructor"
      testId="comparison-tree"
      sort={sort}
      onSort={onSort}
      onSelect={onSelect}
      rowTestId={rowTestId}
      emptyText="No class changed."
    />
  );
}
