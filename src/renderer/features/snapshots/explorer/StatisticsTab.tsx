import { HEAP_KINDS, type HeapKind, type HeapStatistics } from '../../../../shared/model/heapSnapshots';
import { ByteSize } from '../../../components/ByteSize';

// Fills for the app's dark theme.
const COLORS: Record<HeapKind, string> = {
  codeBytes: '#c792ea',
  stringsBytes: '#e6c07b',
  jsArraysBytes: '#5eb1ff',
  typedArraysBytes: '#7ec699',
  systemBytes: '#8d99ab',
  nativeBytes: '#f0a040',
  otherBytes: '#56b6c2',
};
const KINDS = HEAP_KINDS.map(({ key, label }) => ({ key, label, color: COLORS[key] }));

/** The heap by kind, as one bar and a table of exact totals. */
export function StatisticsTab({ statistics }: { statistics: HeapStatistics }) {
  const total = Math.max(1, statistics.totalBytes);
  return (
    <div className="explorer-tab statistics" data-testid="statistics-tab">
      <div className="statistics-bar" role="img" aria-label="Heap by kind">
        {KINDS.map((kind) => (
          <span
            key={kind.key}
            className="statistics-segment"
            style={{ width: `${(statistics[kind.key] / total) * 100}%`, background: kind.color }}
            title={`${kind.label}: ${((statistics[kind.key] / total) * 100).toFixed(1)} %`}
          />
        ))}
      </div>
      <table className="table compact statistics-table">
        <tbody>
          {KINDS.map((kind) => (
            <tr key={kind.key} data-testid={`statistics-${kind.key}`}>
              <td>
                <span className="swatch" style={{ background: kind.color }} /> {kind.label}
              </td>
              <td className="num">
                <ByteSize sizeBytes={statistics[kind.key]} />
              </td>
              <td className="num">{((statistics[kind.key] / total) * 100).toFixed(1)} %</td>
            </tr>
          ))}
          <tr className="total-row">
            <td>Total</td>
            <td className="num">
              <ByteSize sizeBytes={statistics.totalBytes} testId="statistics-total" />
            </td>
            <td className="num">100 %</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
