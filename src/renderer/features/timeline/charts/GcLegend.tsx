import type { GcKind } from '../../../../shared/model/metrics';
import { GC_COLORS } from './chartTheme';

const SHOWN_KINDS: GcKind[] = ['minor', 'major', 'incremental', 'weak-callbacks'];

/** The key to the GC lane's colours, as HTML so it reads like the charts' legends. */
export function GcLegend() {
  return (
    <div className="gc-legend" aria-label="GC kinds">
      {SHOWN_KINDS.map((kind) => (
        <span key={kind} className="gc-legend-item">
          <span className="swatch round" style={{ background: GC_COLORS[kind] }} />
          {kind}
        </span>
      ))}
      <span className="gc-legend-item">
        <span className="swatch round forced" />
        forced
      </span>
    </div>
  );
}
