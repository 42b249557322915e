import { useState } from 'react';
import type { TrendReport } from '../../../../shared/model/comparisons';
import { ByteSize } from '../../../components/ByteSize';
import { Sparkline } from '../../../components/Sparkline';

const SHOWN_ROWS = 50;

/** Classes and retaining paths across the series, growing ones first, with a chart per row. */
export function TrendTables({ trend }: { trend: TrendReport }) {
  const [onlyGrowing, setOnlyGrowing] = useState(true);
  const classes = trend.classes.filter((row) => !onlyGrowing || row.grewOverall).slice(0, SHOWN_ROWS);
  return (
    <section className="card" data-testid="trend">
      <header className="card-header">
        <h2>Trend over {trend.snapshotIds.length} snapshots</h2>
        <Sparkline values={trend.totalBytes} label="Heap total" width={160} height={28} />
        <label className="toggle">
          <input type="checkbox" checked={onlyGrowing} onChange={(event) => setOnlyGrowing(event.target.checked)} />
          Only classes that grew
        </label>
      </header>
      {trend.warnings.map((warning) => (
        <div key={warning} className="banner warning" role="status">
          {warning}
        </div>
      ))}
      <table className="table compact trend-table" data-testid="trend-classes">
        <thead>
          <tr>
            <th>Constructor</th>
            <th>Count</th>
            <th>Retained</th>
            <th className="num">Last retained</th>
            <th>Growth</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((row) => (
            <tr key={row.name} data-testid={`trend-class-${row.name}`}>
              <td className="truncate" title={row.name}>
                {row.name}
              </td>
              <td>
                <Sparkline values={row.counts} label={`${row.name} count`} /> <span className="share">{row.counts.join(' → ')}</span>
              </td>
              <td>
                <Sparkline values={row.retainedBytes} label={`${row.name} retained`} />
              </td>
              <td className="num">
                <ByteSize sizeBytes={row.retainedBytes[row.retainedBytes.length - 1]} />
              </td>
              <td>{row.grewEveryTime ? <span className="badge level-warning">grew every time</span> : row.grewOverall ? <span className="badge">grew overall</span> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {trend.paths.length > 0 && (
        <>
          <h3>Retaining paths</h3>
          <table className="table compact trend-table" data-testid="trend-paths">
            <thead>
              <tr>
                <th>Path (object first)</th>
                <th>Objects held</th>
                <th>Growth</th>
              </tr>
            </thead>
            <tbody>
              {trend.paths.slice(0, SHOWN_ROWS).map((row) => (
                <tr key={row.pattern}>
                  <td className="path-pattern" title={row.pattern}>
                    {row.pattern}
                  </td>
                  <td>
                    <Sparkline values={row.counts} label="objects held" /> <span className="share">{row.counts.join(' → ')}</span>
                  </td>
                  <td>{row.grewEveryTime && <span className="badge level-warning">grew every time</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
