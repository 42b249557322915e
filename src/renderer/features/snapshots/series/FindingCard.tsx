import type { Finding } from '../../../../shared/model/findings';
import { ByteSize } from '../../../components/ByteSize';
import { Sparkline } from '../../../components/Sparkline';
import { RetainingPath } from './RetainingPath';

/** One finding: what, how much memory, the evidence, and what to do. */
export function FindingCard({ finding }: { finding: Finding }) {
  const { evidence } = finding;
  return (
    <article className="card finding" data-testid={`finding-${finding.kind}`}>
      <header className="finding-header">
        <h3>{finding.title}</h3>
        <ByteSize sizeBytes={finding.bytesAtStake} />
      </header>
      <dl className="finding-figures">
        {Object.entries(evidence.figures).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      {evidence.series && (
        <div className="finding-series">
          <Sparkline values={evidence.series.values} label={evidence.series.label} width={160} height={32} />
          <span className="share">{evidence.series.label}</span>
        </div>
      )}
      {evidence.samples && evidence.samples.length > 0 && (
        <ul className="finding-samples">
          {evidence.samples.map((sample, k) => (
            <li key={k}>
              <code>{sample}</code>
            </li>
          ))}
        </ul>
      )}
      {evidence.path && <RetainingPath object={evidence.object} path={evidence.path} />}
      <p className="finding-suggestion">{finding.suggestion}</p>
    </article>
  );
}
