import { useState } from 'react';
import type { OpenedSnapshotInfo } from '../../../shared/model/heapSnapshots';
import { fileName } from '../../format/fileName';
import { useApi } from '../../api/useApi';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { SnapshotEntry } from '../../../shared/model/snapshotLibrary';
import { ExportReportButton } from '../reports/ExportReportButton';
import { SnapshotExplorer } from './explorer/SnapshotExplorer';
import { SeriesView } from './series/SeriesView';
import { LoadProgress } from './LoadProgress';
import { OpenFileForm } from './OpenFileForm';
import { useOpenSnapshots, useOpenSnapshotsStore } from './openSnapshotsContext';
import type { OpenSnapshotState } from './openSnapshotsStore';
import { SnapshotLibraryTable } from './SnapshotLibraryTable';
import { useSnapshotLibrary } from './useSnapshotLibrary';


/** `current` value that shows the series analysis instead of one snapshot. */
export const SERIES_TAB = '#series';

interface SnapshotsViewProps {
  /** The open snapshot to show (by path), SERIES_TAB, or null for the library. */
  current: string | null;
  onShow(path: string | null): void;
}

/** The library of snapshot files, and a tab per open snapshot with its explorer. */
export function SnapshotsView({ current, onShow }: SnapshotsViewProps) {
  const store = useOpenSnapshotsStore();
  const open = useOpenSnapshots();
  const [series, setSeries] = useState<string[] | null>(null);
  const shown = open.find((state) => state.path === current);
  const showSeries = current === SERIES_TAB && series !== null;
  const openPath = (path: string) => {
    void store.open(path);
    onShow(path);
  };
  const close = (path: string) => {
    void store.close(path);
    if (path === current) onShow(null);
  };

  return (
    <div className="view snapshots-view" data-testid="view-snapshots">
      <header className="view-header">
        <h1>Snapshots</h1>
        <nav className="snapshot-tabs" aria-label="Open snapshots">
          <button type="button" className={shown || showSeries ? 'btn small ghost' : 'btn small active'} onClick={() => onShow(null)} data-testid="snapshot-tab-library">
            All snapshots
          </button>
          {series && (
            <button type="button" className={showSeries ? 'btn small active' : 'btn small ghost'} onClick={() => onShow(SERIES_TAB)} data-testid="snapshot-tab-series">
              Series ({series.length})
            </button>
          )}
          {open.map((state) => (
            <span key={state.path} className={state.path === current ? 'snapshot-tab active' : 'snapshot-tab'}>
              <button type="button" className="link-button" onClick={() => onShow(state.path)} title={state.path} data-testid={`snapshot-tab-${fileName(state.path)}`}>
                {state.status === 'opening' ? '⏳ ' : state.status === 'failed' ? '⚠ ' : ''}
                {fileName(state.path)}
              </button>
              <button type="button" className="link-button" aria-label={`Close ${fileName(state.path)}`} onClick={() => close(state.path)}>
                ✕
              </button>
            </span>
          ))}
        </nav>
      </header>
      {showSeries ? (
        <SeriesView paths={series} />
      ) : shown ? (
        <OpenSnapshotPane state={shown} others={open} onClose={() => close(shown.path)} />
      ) : (
        <Library
          onOpen={openPath}
          onAnalyse={(paths) => {
            setSeries(paths);
            onShow(SERIES_TAB);
          }}
        />
      )}
    </div>
  );
}

function OpenSnapshotPane({ state, others, onClose }: { state: OpenSnapshotState; others: OpenSnapshotState[]; onClose(): void }) {
  const store = useOpenSnapshotsStore();
  if (state.status === 'opening') return <LoadProgress path={state.path} progress={state.progress} />;
  if (state.status === 'failed') {
    return (
      <div className="card" data-testid="snapshot-open-error">
        <ErrorNotice error={state.error} title={`Could not open ${fileName(state.path)}`} onRetry={() => void store.open(state.path)} onDismiss={onClose} />
      </div>
    );
  }
  const baselines = others.flatMap((other) => (other.status === 'open' && other.path !== state.path ? [other.info] : [])) satisfies OpenedSnapshotInfo[];
  return (
    <>
      <div className="snapshot-facts" data-testid="snapshot-facts">
        <span title={state.path}>{fileName(state.path)}</span>
        <span>{state.info.nodeCount.toLocaleString('en-US')} objects</span>
        <span>{state.info.edgeCount.toLocaleString('en-US')} references</span>
        <span>{state.info.classCount.toLocaleString('en-US')} classes</span>
        <ExportReportButton source={{ files: [state.path] }} defaultStem={state.path.replace(/\.heapsnapshot$/, '-report')} />
      </div>
      <SnapshotExplorer key={state.info.snapshotId} info={state.info} others={baselines} />
    </>
  );
}

function Library({ onOpen, onAnalyse }: { onOpen(path: string): void; onAnalyse(paths: string[]): void }) {
  const client = useApi();
  const { entries, error, refresh, remove } = useSnapshotLibrary();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (entry: SnapshotEntry) =>
    setPicked((current) => {
      const next = new Set(current);
      if (!next.delete(entry.path)) next.add(entry.path);
      return next;
    });
  // A series runs oldest first, whatever order the boxes were ticked in.
  const pickedInOrder = (entries ?? []).filter((entry) => picked.has(entry.path)).sort((a, b) => a.takenAtMs - b.takenAtMs);
  return (
    <>
      <OpenFileForm onOpen={onOpen} onImport={async (path) => void (await client.call('importSnapshot', { path }))} />
      {error && <ErrorNotice error={error} title="Could not list snapshots" onRetry={() => void refresh()} />}
      {entries && entries.length === 0 && (
        <EmptyState title="No snapshots yet.">Take one from a watch (Take snapshot), or open a .heapsnapshot file above.</EmptyState>
      )}
      {entries && entries.length > 0 && (
        <section className="card">
          <div className="card-header">
            <span className="hint">Tick snapshots of one target to look for leaks across them (three or more for a trend).</span>
            <button
              type="button"
              className="btn primary"
              disabled={pickedInOrder.length === 0}
              onClick={() => onAnalyse(pickedInOrder.map((entry) => entry.path))}
              data-testid="analyse-series"
            >
              Find problems ({pickedInOrder.length})
            </button>
          </div>
          <SnapshotLibraryTable entries={entries} onOpen={(entry) => onOpen(entry.path)} onDelete={remove} selected={picked} onToggle={toggle} />
        </section>
      )}
    </>
  );
}
