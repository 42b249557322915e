import { useCallback, useState } from 'react';
import { RETAINER_NOISE, type ObjectRow, type OpenedSnapshotInfo, type RetainerNoise, type RetainersPage } from '../../../../shared/model/heapSnapshots';
import { useApi } from '../../../api/useApi';
import { VirtualTree } from '../../../components/tree/VirtualTree';
import { heapColumns } from './heapColumns';
import { objectLabel } from './heapLabels';
import { retainersSource } from './heapTreeSources';
import { objectOf, type HeapTreeItem } from './heapTreeItems';
import { rowTestId } from './SummaryTab';
import { useLazyTree } from './useLazyTree';

const NOISE_LABELS: Record<RetainerNoise, { label: string; title: string }> = {
  weak: { label: 'Weak', title: 'Weak references do not keep an object alive' },
  weakMapTable: { label: 'WeakMap tables', title: "A WeakMap's table holds a value only while its key lives" },
  inspector: { label: 'DevTools', title: 'References from the inspector (console history, DevTools handles)' },
  internal: { label: 'Internal', title: 'V8-internal system links' },
};

interface RetainersPanelProps {
  info: OpenedSnapshotInfo;
  object: ObjectRow;
  onInspect(object: ObjectRow | undefined): void;
}

/**
 * Who keeps the selected object alive, nearest the GC roots first, with noise hidden by
 * default (each kind's toggle says how many retainers it hides) and "ignore this retainer".
 */
export function RetainersPanel({ info, object, onInspect }: RetainersPanelProps) {
  const client = useApi();
  const [hide, setHide] = useState<RetainerNoise[]>([...RETAINER_NOISE]);
  const [ignored, setIgnored] = useState<ObjectRow[]>([]);
  const [hidden, setHidden] = useState<RetainersPage['hidden'] | null>(null);
  const [focused, setFocused] = useState<ObjectRow | undefined>();
  const ignoredKey = ignored.map((row) => row.ordinal).join(',');
  const tree = useLazyTree(
    () => retainersSource(client, info.snapshotId, { ordinal: object.ordinal, hide, ignored: ignored.map((row) => row.ordinal) }, setHidden),
    [client, info.snapshotId, object.ordinal, hide, ignoredKey],
  );
  const select = useCallback(
    (item: HeapTreeItem | undefined) => {
      setFocused(objectOf(item));
      onInspect(objectOf(item));
    },
    [onInspect],
  );
  const toggleNoise = (kind: RetainerNoise) => setHide((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]));
  const ignore = (row: ObjectRow) => setIgnored((current) => (current.some((k) => k.ordinal === row.ordinal) ? current : [...current, row]));

  return (
    <section className="explorer-panel" aria-label="Retainers" data-testid="retainers-panel">
      <div className="explorer-toolbar">
        <strong className="panel-title">
          Retainers of {objectLabel(object)} <span className="heap-id">@{object.id}</span>
        </strong>
        <span className="noise-toggles" aria-label="Hide noise">
          Hide:
          {RETAINER_NOISE.map((kind) => (
            <label key={kind} className="toggle" title={NOISE_LABELS[kind].title}>
              <input type="checkbox" checked={hide.includes(kind)} onChange={() => toggleNoise(kind)} data-testid={`hide-${kind}`} />
              {NOISE_LABELS[kind].label}
              {hidden && hide.includes(kind) && <span className="share">({hidden[kind]})</span>}
            </label>
          ))}
        </span>
        <button
          type="button"
          className="btn small"
          disabled={!focused || focused.ordinal === object.ordinal}
          onClick={() => focused && ignore(focused)}
          title="Treat the selected retainer as if it kept nothing alive, and recompute the paths"
          data-testid="ignore-retainer"
        >
          Ignore this retainer
        </button>
      </div>
      {ignored.length > 0 && (
        <div className="ignored-list" data-testid="ignored-retainers">
          Ignoring:
          {ignored.map((row) => (
            <button key={row.ordinal} type="button" className="tag" onClick={() => setIgnored((current) => current.filter((k) => k !== row))} title="Stop ignoring">
              {objectLabel(row)} @{row.id} ✕
            </button>
          ))}
          <button type="button" className="btn small ghost" onClick={() => setIgnored([])}>
            Clear
          </button>
        </div>
      )}
      <VirtualTree
        tree={tree}
        columns={heapColumns({ totalSizeBytes: info.totalSizeBytes, nameLabel: 'Retainer' })}
        label={`Retainers of @${object.id}`}
        testId="retainers-tree"
        onSelect={select}
        rowTestId={rowTestId}
        emptyText="Nothing retains this object (it is a root, or every retainer is hidden)."
      />
    </section>
  );
}
