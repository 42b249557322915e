import type { MemorySample } from '../../../shared/model/metrics';
import { ByteSize } from '../../components/ByteSize';

interface LatestValuesProps {
  latest: MemorySample | undefined;
  gcTotal: number;
  isNode: boolean;
}

/** The newest reading as big numbers above the charts. */
export function LatestValues({ latest, gcTotal, isNode }: LatestValuesProps) {
  const share = latest?.heapLimitBytes ? latest.heapUsedBytes / latest.heapLimitBytes : undefined;
  return (
    <dl className="stats">
      <div className="stat">
        <dt>Heap used</dt>
        <dd>
          <ByteSize sizeBytes={latest?.heapUsedBytes} testId="latest-heap-used" />
        </dd>
      </div>
      <div className="stat">
        <dt>Heap total</dt>
        <dd>
          <ByteSize sizeBytes={latest?.heapTotalBytes} />
        </dd>
      </div>
      <div className="stat">
        <dt>Of limit</dt>
        <dd title={latest?.heapLimitBytes ? `Limit ${latest.heapLimitBytes.toLocaleString('en-US')} bytes` : undefined}>
          {share === undefined ? '—' : `${(share * 100).toFixed(1)}%`}
        </dd>
      </div>
      {isNode ? (
        <div className="stat">
          <dt>RSS</dt>
          <dd>
            <ByteSize sizeBytes={latest?.rssBytes} />
          </dd>
        </div>
      ) : (
        <div className="stat">
          <dt>DOM nodes</dt>
          <dd>{latest?.domNodes?.toLocaleString('en-US') ?? '—'}</dd>
        </div>
      )}
      <div className="stat">
        <dt>GCs</dt>
        <dd data-testid="gc-count" data-count={gcTotal}>
          {gcTotal}
        </dd>
      </div>
    </dl>
  );
}
