import { useCallback, useEffect, useRef, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../../shared/contract/errors';
import type { ObjectRow, OpenedSnapshotInfo } from '../../../../shared/model/heapSnapshots';
import { useApi } from '../../../api/useApi';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ComparisonTab } from './ComparisonTab';
import { ContainmentTab } from './ContainmentTab';
import { DominatorsTab } from './DominatorsTab';
import { ExplorerTabs, type ExplorerTabId } from './ExplorerTabs';
import { ObjectInspector } from './ObjectInspector';
import { RetainersPanel } from './RetainersPanel';
import { StatisticsTab } from './StatisticsTab';
import { SummaryTab } from './SummaryTab';
import type { SummaryControls } from './SummaryToolbar';

const DEFAULT_CONTROLS: SummaryControls = { filter: '', regex: false, preset: 'all', baselinePath: '', instanceSortBy: 'retainedSizeBytes' };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface SnapshotExplorerProps {
  info: OpenedSnapshotInfo;
  /** Other open snapshots, for "allocated between". */
  others: OpenedSnapshotInfo[];
}

/**
 * One open snapshot: Summary, Containment, Dominators and Statistics above; the selected
 * object's retainers and the inspector below. `/` jumps to the class filter.
 */
export function SnapshotExplorer({ info, others }: SnapshotExplorerProps) {
  const client = useApi();
  const [tab, setTab] = useState<ExplorerTabId>('summary');
  const [controls, setControls] = useState<SummaryControls>(DEFAULT_CONTROLS);
  // The selection may be in another snapshot (a comparison's deleted objects).
  const [selected, setSelected] = useState<{ object: ObjectRow; snapshot: OpenedSnapshotInfo } | undefined>();
  const [inspected, setInspected] = useState<ObjectRow | undefined>();
  const [dominatorFocus, setDominatorFocus] = useState(info.rootOrdinal);
  const [findError, setFindError] = useState<ErrorDto | null>(null);
  const filterInput = useRef<HTMLInputElement>(null);

  // Trees call `select` from an effect whenever it changes, so it must stay the same function.
  const snapshots = useRef({ info, others });
  snapshots.current = { info, others };
  const select = useCallback((object: ObjectRow | undefined, snapshotId?: string) => {
    const { info: own, others: rest } = snapshots.current;
    const snapshot = snapshotId ? rest.find((other) => other.snapshotId === snapshotId) : own;
    if (!object || !snapshot) return;
    setSelected((current) => (current?.object.ordinal === object.ordinal && current.snapshot === snapshot ? current : { object, snapshot }));
    setInspected(object);
  }, []);
  const inspect = useCallback((object: ObjectRow | undefined) => object && setInspected(object), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select')) return;
      event.preventDefault();
      setTab('summary');
      requestAnimationFrame(() => filterInput.current?.focus());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const findId = useCallback(
    async (id: number) => {
      setFindError(null);
      try {
        select(await client.call('getSnapshotObject', { snapshotId: info.snapshotId, id }));
      } catch (error) {
        setFindError(toErrorDto(error));
      }
    },
    [client, info.snapshotId, select],
  );
  const revealInSummary = (object: ObjectRow) => {
    setControls({ ...DEFAULT_CONTROLS, filter: `^${escapeRegex(object.className)}$`, regex: true });
    setTab('summary');
  };
  const revealInDominators = (object: ObjectRow) => {
    setDominatorFocus(object.ordinal);
    setTab('dominators');
  };

  return (
    <div className="explorer" data-testid="snapshot-explorer">
      <ExplorerTabs tab={tab} onChange={setTab} />
      <div className="explorer-main">
        {tab === 'summary' && (
          <SummaryTab
            info={info}
            baselines={others}
            controls={controls}
            onControlsChange={setControls}
            onSelect={select}
            onFindId={(id) => void findId(id)}
            filterInput={filterInput}
          />
        )}
        {tab === 'containment' && <ContainmentTab info={info} onSelect={select} />}
        {tab === 'dominators' && <DominatorsTab info={info} focusOrdinal={dominatorFocus} onFocus={setDominatorFocus} onSelect={select} />}
        {tab === 'statistics' && <StatisticsTab statistics={info.statistics} />}
        {tab === 'comparison' && <ComparisonTab info={info} others={others} onSelect={select} />}
      </div>
      {findError && <ErrorNotice error={findError} title="Find by id" onDismiss={() => setFindError(null)} compact />}
      {selected && tab !== 'statistics' && (
        <div className="explorer-details">
          <RetainersPanel info={selected.snapshot} object={selected.object} onInspect={inspect} />
          {inspected && (
            <ObjectInspector
              snapshotId={selected.snapshot.snapshotId}
              object={inspected}
              onInspect={setInspected}
              {...(selected.snapshot === info ? { onRevealInSummary: revealInSummary, onRevealInDominators: revealInDominators } : {})}
            />
          )}
        </div>
      )}
    </div>
  );
}
