import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HeapdeckError } from '../../shared/contract/errors';
import type { Budget } from '../../shared/model/findings';
import { writeFileAtomic } from '../os/writeFileAtomic';

const FILE_NAME = 'budgets.json';
const MAX_BUDGETS = 100;
const MAX_CLASS_NAME = 1000;

/** The user's memory budgets, kept in the data folder so they survive a restart. */
export class BudgetStore {
  private current: Budget[] = [];

  private constructor(private readonly root: string) {}

  static async open(root: string): Promise<BudgetStore> {
    const store = new BudgetStore(root);
    const saved = await readFile(join(root, FILE_NAME), 'utf8').catch(() => undefined);
    if (saved) {
      try {
        store.current = checkedBudgets(JSON.parse(saved));
      } catch {
        // A damaged file must not stop the app: no budgets apply until the next save.
      }
    }
    return store;
  }

  get(): Budget[] {
    return this.current.map((budget) => ({ ...budget }));
  }

  /** Replaces every budget; the list is checked whole, so a bad entry changes nothing. */
  async set(budgets: unknown): Promise<Budget[]> {
    const next = checkedBudgets(budgets);
    await mkdir(this.root, { recursive: true });
    await writeFileAtomic(join(this.root, FILE_NAME), JSON.stringify(next, null, 2));
    this.current = next;
    return this.get();
  }
}

/**
 * A list of budgets as the contract declares them, or INVALID_ARGUMENT naming the first wrong
 * entry: each is an object of a known kind with exactly that kind's fields, limits are whole
 * non-negative byte counts, class names non-empty.
 */
export function checkedBudgets(budgets: unknown): Budget[] {
  if (!Array.isArray(budgets)) throw new HeapdeckError('INVALID_ARGUMENT', 'Budgets are a list (a JSON array) of budget objects.');
  if (budgets.length > MAX_BUDGETS) throw new HeapdeckError('INVALID_ARGUMENT', `At most ${MAX_BUDGETS} budgets can be set.`);
  return budgets.map((budget, index) => checkedBudget(budget, `Budget ${index + 1}`));
}

function checkedBudget(budget: unknown, label: string): Budget {
  if (typeof budget !== 'object' || budget === null || Array.isArray(budget)) {
    throw new HeapdeckError('INVALID_ARGUMENT', `${label} is not an object like {"kind": "totalHeap", "maxBytes": 100000000}.`);
  }
  const fields = budget as Record<string, unknown>;
  const maxBytes = checkedBytes(fields.maxBytes, label);
  switch (fields.kind) {
    case 'classRetained': {
      onlyFields(fields, ['kind', 'className', 'maxBytes'], label);
      const { className } = fields;
      if (typeof className !== 'string' || className.trim() === '' || className.length > MAX_CLASS_NAME) {
        throw new HeapdeckError('INVALID_ARGUMENT', `${label} (classRetained) needs a className: a class name as the summary shows it, 1 to ${MAX_CLASS_NAME} characters.`);
      }
      return { kind: 'classRetained', className, maxBytes };
    }
    case 'totalHeap':
    case 'growthPerSnapshot':
      onlyFields(fields, ['kind', 'maxBytes'], label);
      return { kind: fields.kind, maxBytes };
    default:
      throw new HeapdeckError('INVALID_ARGUMENT', `${label} has kind ${JSON.stringify(fields.kind)}; use classRetained, totalHeap or growthPerSnapshot.`);
  }
}

function checkedBytes(value: unknown, label: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new HeapdeckError('INVALID_ARGUMENT', `${label} needs maxBytes: a whole number of bytes, 0 or more (got ${JSON.stringify(value)}).`);
  }
  return value;
}

function onlyFields(fields: Record<string, unknown>, allowed: string[], label: string): void {
  const extra = Object.keys(fields).filter((key) => !allowed.includes(key));
  if (extra.length) throw new HeapdeckError('INVALID_ARGUMENT', `${label} has unknown field ${extra.map((key) => `"${key}"`).join(', ')}; it takes ${allowed.join(', ')}.`);
}
