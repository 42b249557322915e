import { ReferenceLine } from 'recharts';
import type { Alert } from '../../../../shared/model/metrics';
import { ALERT_COLORS } from './chartTheme';

const SHORT_LABELS: Record<Alert['kind'], string> = {
  'heap-warning': 'heap high',
  'heap-critical': 'heap critical',
  'leak-suspicion': 'leak?',
};

/**
 * One vertical line per alert. A plain function, not a component: recharts must see the
 * ReferenceLines as direct children of the chart.
 */
export function alertMarkers(alerts: readonly Alert[]) {
  return alerts.map((alert) => (
    <ReferenceLine
      key={`alert-${alert.timestampMs}-${alert.kind}`}
      x={alert.timestampMs}
      stroke={ALERT_COLORS[alert.level]}
      strokeDasharray="4 3"
      ifOverflow="discard"
      label={{ value: SHORT_LABELS[alert.kind], position: 'insideTopLeft', fill: ALERT_COLORS[alert.level], fontSize: 11 }}
    />
  ));
}
