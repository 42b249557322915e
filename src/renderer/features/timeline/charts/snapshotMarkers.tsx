import { ReferenceLine } from 'recharts';

const SNAPSHOT_COLOR = '#c792ea';

/** One vertical line per heap snapshot taken in the span (recharts wants direct children). */
export function snapshotMarkers(takenAtMs: readonly number[]) {
  return takenAtMs.map((timestampMs) => (
    <ReferenceLine
      key={`snapshot-${timestampMs}`}
      x={timestampMs}
      stroke={SNAPSHOT_COLOR}
      ifOverflow="discard"
      label={{ value: '◆ snapshot', position: 'insideBottomLeft', fill: SNAPSHOT_COLOR, fontSize: 11 }}
    />
  ));
}
