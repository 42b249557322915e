import { useEffect, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../../shared/contract/errors';
import type { LeakReport, TrendReport } from '../../../../shared/model/comparisons';
import { leakTriple } from '../../../../shared/leakTriple';
import type { Finding } from '../../../../shared/model/findings';
import { fileName } from '../../../format/fileName';
import { useApi } from '../../../api/useApi';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { ExportReportButton } from '../../reports/ExportReportButton';
import { BudgetsPanel } from './BudgetsPanel';
import { FindingCard } from './FindingCard';
import { LeakClusters } from './LeakClusters';
import { TrendTables } from './TrendTables';
import { useSeriesSnapshots } from './useSeriesSnapshots';

interface Analyses {
  findings?: Finding[];
  trend?: TrendReport;
  leaks?: LeakReport;
}


/**
 * What a series of snapshots says: findings ordered by memory at stake, the trend per class and
 * retaining path (three or more), MemLab-style leak candidates (first, middle, last), budgets.
 */
export function SeriesView({ paths }: { paths: readonly string[] }) {
  const client = useApi();
  const { ready, failed, opening } = useSeriesSnapshots(paths);
  const [analyses, setAnalyses] = useState<Analyses>({});
  const [error, setError] = useState<ErrorDto | null>(null);
  const ids = ready.map((info) => info.snapshotId);
  const idsKey = ids.join(',');

  useEffect(() => {
    if (opening > 0 || ids.length === 0) return undefined;
    let current = true;
    setAnalyses({});
    setError(null);
    const fail = (caught: unknown) => current && setError(toErrorDto(caught));
    client.call('getFindings', { snapshotIds: ids }).then((findings) => current && setAnalyses((a) => ({ ...a, findings })), fail);
    if (ids.length >= 3) {
      client.call('getTrend', { snapshotIds: ids }).then((trend) => current && setAnalyses((a) => ({ ...a, trend })), fail);
      const { baseline, target, final } = leakTriple(ids);
      client
        .call('findLeaks', { baselineSnapshotId: baseline, targetSnapshotId: target, finalSnapshotId: final })
        .then((leaks) => current && setAnalyses((a) => ({ ...a, leaks })), fail);
    }
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids' content
  }, [client, idsKey, opening]);

  return (
    <div className="series-view" data-testid="series-view">
      <div className="card-header">
        <p className="hint">
          {paths.length} snapshots, oldest first: {paths.map(fileName).join(' → ')}
        </p>
        <ExportReportButton source={{ files: [...paths] }} defaultStem={paths[paths.length - 1]!.replace(/\.heapsnapshot$/, '-report')} />
      </div>
      {opening > 0 && <Spinner label={`Opening ${opening} snapshots`} />}
      {failed.map(({ path, error: openError }) => (
        <ErrorNotice key={path} error={openError} title={`Skipped ${fileName(path)}`} compact />
      ))}
      {error && <ErrorNotice error={error} title="Analysis failed" compact />}
      {ready.length > 0 && ready.length < 3 && opening === 0 && (
        <p className="hint">Trend and leak candidates need three snapshots or more; findings below are for this snapshot.</p>
      )}
      <section className="findings" data-testid="findings">
        <h2>Findings</h2>
        {analyses.findings === undefined && opening === 0 && !error && <Spinner label="Looking for problems" />}
        {analyses.findings?.length === 0 && <p data-testid="no-findings">No problems found.</p>}
        {analyses.findings?.map((finding, k) => <FindingCard key={`${finding.kind}-${k}`} finding={finding} />)}
      </section>
      {analyses.leaks && <LeakClusters report={analyses.leaks} />}
      {analyses.trend && <TrendTables trend={analyses.trend} />}
      {ids.length > 0 && opening === 0 && <BudgetsPanel snapshotIds={ids} />}
    </div>
  );
}
