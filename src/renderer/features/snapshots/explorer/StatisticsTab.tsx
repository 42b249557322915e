import type { HeapStatistics } from '../../../../shared/model/heapSnapshots';
import { ByteSize } from '../../../components/ByteSize';

const KINDS: { key: Exclude<keyof HeapStatistics, 'totalBytes'>; label: string; color: string }[] = [
  { key: 'codeBytes', label: 'Code', color: '#c792ea' },
  { key: 'stringsBytes', label: 'Strings', color: '#e6c07b' },
  { key: 'jsArraysBytes', label: 'JS arrays', color: '#5eb1ff' },
  { key: 'typedArraysBytes', label: 'Typed arrays and array buffers', color: '#7ec699' },
  { key: 'systemBytes', label: 'System objects', color: '#8d99ab' },
  { key: 'nativeBytes', label: 'Native (embedder) objects', color: '#f0a040' },
  { key: 'otherBytes', label: 'Other JS objects', color: '#56b6c2' },
];

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
