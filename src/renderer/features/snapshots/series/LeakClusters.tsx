import type { LeakReport, RetainerCluster } from '../../../../shared/model/comparisons';
import { ByteSize } from '../../../components/ByteSize';
import { RetainingPath } from './RetainingPath';

/** MemLab-style leak candidates, one card per retaining-path cluster. */
export function LeakClusters({ report }: { report: LeakReport }) {
  return (
    <section className="card" data-testid="leaks">
      <header className="card-header">
        <h2>Leak candidates</h2>
        <span className="share">
          {report.candidateCount.toLocaleString('en-US')} objects allocated after the first snapshot and still alive in the last;{' '}
          {report.filteredCount.toLocaleString('en-US')} removed as noise
        </span>
      </header>
      <p className="hint">Filters: {report.filters.join('; ')}.</p>
      {report.clusters.length === 0 && <p data-testid="no-leaks">No leak candidates.</p>}
      <ClusterList clusters={report.clusters} />
    </section>
  );
}

/** Groups of objects held the same way: count, memory, and one object's path to the roots. */
export function ClusterList({ clusters }: { clusters: readonly RetainerCluster[] }) {
  return (
    <>
      {clusters.map((cluster) => (
        <article key={cluster.pattern} className="leak-cluster" data-testid="leak-cluster">
          <header className="finding-header">
            <h3>
              {cluster.count.toLocaleString('en-US')} × {cluster.classNames.slice(0, 3).join(', ')}
            </h3>
            <ByteSize sizeBytes={cluster.retainedBytes} />
          </header>
          <RetainingPath object={cluster.representative.object} path={cluster.representative.path} />
        </article>
      ))}
    </>
  );
}
