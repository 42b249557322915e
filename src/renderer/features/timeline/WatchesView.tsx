import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { OverlaidChart } from './OverlaidChart';
import { useLayoutChoice, type WatchesLayout } from './useLayoutChoice';
import { useLiveState } from './useLiveState';
import { WatchPanel } from './WatchPanel';

const LAYOUTS: { id: WatchesLayout; label: string }[] = [
  { id: 'side-by-side', label: 'Side by side' },
  { id: 'overlaid', label: 'Overlaid' },
];

export function WatchesView({ onFindTargets }: { onFindTargets: () => void }) {
  const { watches, listed, listError } = useLiveState();
  const { layout, choose } = useLayoutChoice();

  return (
    <div className="view" data-testid="view-watches">
      <header className="view-header">
        <h1>Watches</h1>
        <div className="view-tools segmented" role="group" aria-label="Layout">
          {LAYOUTS.map((option) => (
            <button
              key={option.id}
              type="button"
              className={layout === option.id ? 'btn active' : 'btn'}
              aria-pressed={layout === option.id}
              onClick={() => choose(option.id)}
              data-testid={`layout-${option.id}`}
            >
              {option.label}
            </button>
          ))}
        </div>
      </header>
      {listError && <ErrorNotice error={listError} title="Could not list watches" />}
      {!listed && (
        <p className="hint">
          <Spinner /> Loading watches…
        </p>
      )}
      {listed && watches.length === 0 && (
        <EmptyState title="Nothing is being watched yet.">
          <button type="button" className="btn primary" onClick={onFindTargets}>
            Find a target to attach to
          </button>
        </EmptyState>
      )}
      {layout === 'overlaid' && watches.length > 0 && (
        <section className="card">
          <OverlaidChart watches={watches} />
        </section>
      )}
      <div className={layout === 'overlaid' ? 'watch-list' : 'watch-grid'}>
        {watches.map((live) => (
          <WatchPanel key={live.info.watchId} live={live} showCharts={layout === 'side-by-side'} />
        ))}
      </div>
    </div>
  );
}
