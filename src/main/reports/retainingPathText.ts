import type { PathStep } from '../../shared/model/comparisons';

/** A retaining path as one line, from the object toward the roots, as `heapdeck findings` prints it. Raw text: writers escape it. */
export function retainingPathText(path: readonly PathStep[]): string {
  return path.map((step) => `${step.holder.className}.${step.edgeName}`).join(' ← ');
}
