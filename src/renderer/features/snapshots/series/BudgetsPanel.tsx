import { useCallback, useEffect, useState } from 'react';
import { toErrorDto, type ErrorDto } from '../../../../shared/contract/errors';
import type { Budget, BudgetResult } from '../../../../shared/model/findings';
import { useApi } from '../../../api/useApi';
import { ByteSize } from '../../../components/ByteSize';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { budgetText } from './budgetText';

const MB = 1024 * 1024;

/** The user's memory budgets, pass / fail per snapshot of the series, and a form to add one. */
export function BudgetsPanel({ snapshotIds }: { snapshotIds: string[] }) {
  const client = useApi();
  const [budgets, setBudgets] = useState<Budget[] | null>(null);
  const [results, setResults] = useState<BudgetResult[]>([]);
  const [error, setError] = useState<ErrorDto | null>(null);
  const idsKey = snapshotIds.join(',');

  const evaluate = useCallback(
    async (next: Budget[]) => {
      setResults(next.length ? await client.call('checkBudgets', { snapshotIds, budgets: next }) : []);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids' content, not the array
    [client, idsKey],
  );
  useEffect(() => {
    client
      .call('getBudgets', {})
      .then(async (saved) => {
        setBudgets(saved);
        await evaluate(saved);
      })
      .catch((caught: unknown) => setError(toErrorDto(caught)));
  }, [client, evaluate]);

  const save = async (next: Budget[]) => {
    try {
      setError(null);
      const saved = await client.call('setBudgets', { budgets: next });
      setBudgets(saved);
      await evaluate(saved);
    } catch (caught) {
      setError(toErrorDto(caught));
    }
  };

  return (
    <section className="card" data-testid="budgets">
      <header className="card-header">
        <h2>Budgets</h2>
      </header>
      {error && <ErrorNotice error={error} title="Budgets" onDismiss={() => setError(null)} compact />}
      {budgets && budgets.length === 0 && <p className="hint">No budgets yet: add a limit below and every snapshot is checked against it.</p>}
      {results.length > 0 && (
        <table className="table compact" data-testid="budget-results">
          <tbody>
            {results.map((result, k) => (
              <tr key={k} data-testid={result.pass ? 'budget-pass' : 'budget-fail'}>
                <td>{budgetText(result.budget)}</td>
                {result.perSnapshot.map((verdict) => (
                  <td key={verdict.snapshotId} className={verdict.pass ? 'budget-ok' : 'budget-over'}>
                    {verdict.valueBytes === null ? '—' : <ByteSize sizeBytes={verdict.valueBytes} />} {verdict.pass ? '✓' : '✗'}
                  </td>
                ))}
                <td>
                  <button type="button" className="btn small ghost" onClick={() => void save(budgets!.filter((_, j) => j !== k))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddBudgetForm onAdd={(budget) => void save([...(budgets ?? []), budget])} />
    </section>
  );
}

function AddBudgetForm({ onAdd }: { onAdd(budget: Budget): void }) {
  const [kind, setKind] = useState<Budget['kind']>('classRetained');
  const [className, setClassName] = useState('');
  const [megabytes, setMegabytes] = useState('10');
  const maxBytes = Number(megabytes) * MB;
  const valid = Number.isFinite(maxBytes) && maxBytes > 0 && (kind !== 'classRetained' || className.trim() !== '');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        onAdd(kind === 'classRetained' ? { kind, className: className.trim(), maxBytes } : { kind, maxBytes });
      }}
    >
      <select className="input" value={kind} onChange={(event) => setKind(event.target.value as Budget['kind'])} aria-label="Budget kind">
        <option value="classRetained">Retained size of a class</option>
        <option value="totalHeap">Total heap</option>
        <option value="growthPerSnapshot">Growth per snapshot</option>
      </select>
      {kind === 'classRetained' && (
        <input className="input" placeholder="Class name" aria-label="Class name" value={className} onChange={(event) => setClassName(event.target.value)} />
      )}
      <input className="input" type="number" min="0" step="any" aria-label="Limit in MB" value={megabytes} onChange={(event) => setMegabytes(event.target.value)} />
      <span className="unit">MB</span>
      <button type="submit" className="btn" disabled={!valid}>
        Add budget
      </button>
    </form>
  );
}
