import { readFile } from 'node:fs/promises';
import { HeapdeckError } from '../../shared/contract/errors';
import type { Budget } from '../../shared/model/findings';

/** Reads a `--budget` file: a JSON list of budgets; an unreadable or malformed file is a usage error. */
export async function readBudgets(path: string): Promise<Budget[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new HeapdeckError('INVALID_ARGUMENT', `Cannot read the budget file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as Budget[];
  } catch (error) {
    throw new HeapdeckError('INVALID_ARGUMENT', `The budget file ${path} is not JSON: ${(error as Error).message}`);
  }
}
