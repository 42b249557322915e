import { useEffect, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../../shared/contract/errors';
import type { RetainerCluster } from '../../../../shared/model/comparisons';
import { useApi } from '../../../api/useApi';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { ClusterList } from '../series/LeakClusters';

/** The objects allocated since the base and still alive, grouped by how they are retained. */
export function AllocatedClusters({ comparisonId }: { comparisonId: string }) {
  const client = useApi();
  const [clusters, setClusters] = useState<RetainerCluster[] | null>(null);
  const [error, setError] = useState<ErrorDto | null>(null);
  useEffect(() => {
    let current = true;
    client.call('getAllocatedClusters', { comparisonId, limit: 50 }).then(
      (value) => current && setClusters(value),
      (caught: unknown) => current && setError(toErrorDto(caught)),
    );
    return () => {
      current = false;
    };
  }, [client, comparisonId]);
  return (
    <div className="allocated-clusters" data-testid="allocated-clusters">
      {!clusters && !error && <Spinner label="Grouping new objects by retaining path" />}
      {error && <ErrorNotice error={error} title="Could not group the new objects" compact />}
      {clusters?.length === 0 && <p>No new objects are retained.</p>}
      {clusters && <ClusterList clusters={clusters} />}
    </div>
  );
}
