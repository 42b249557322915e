import type { PathStep } from '../../../shared/model/comparisons';

/** ` (Holder.edge)`: who holds an object and under which name, for a finding's title; empty without a path. */
export function describeHolder(path: readonly PathStep[]): string {
  const step = path[0];
  if (!step) return '';
  const reference = step.edgeType === 'element' ? `[${step.edgeName}]` : `.${step.edgeName}`;
  return ` (${step.holder.className}${reference})`;
}
