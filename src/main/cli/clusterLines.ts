import { formatBytes } from '../../shared/format/bytes';
import type { RetainerCluster } from '../../shared/model/comparisons';
import type { CliContext } from './cliContext';

/** Prints retainer clusters as numbered entries: count, classes, bytes, the pattern and one object's path. */
export function printClusters(context: CliContext, clusters: RetainerCluster[]): void {
  clusters.forEach((cluster, index) => {
    const classes = cluster.classNames.slice(0, 3).join(', ') + (cluster.classNames.length > 3 ? ', …' : '');
    context.out(`  ${index + 1}. ${cluster.count} × ${classes}, ${formatBytes(cluster.retainedBytes)} retained`);
    context.out(`     ${cluster.pattern || '(held by a GC root directly)'}`);
    const { object, path } = cluster.representative;
    const steps = path.map((step) => `${step.holder.className} @${step.holder.id} .${step.edgeName}`);
    context.out(`     e.g. ${object.className} @${object.id} ← ${steps.join(' ← ')}`);
  });
}
