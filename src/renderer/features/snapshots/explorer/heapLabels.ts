import { truncateText } from '../../../../shared/format/truncateText';
import type { EdgeRow, ObjectRow } from '../../../../shared/model/heapSnapshots';

const MAX_STRING_LABEL = 120;
const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

export interface EdgeLabel {
  text: string;
  /** V8 internals a developer did not write: drawn dimmer. */
  muted: boolean;
  /** What kind of reference it is, for a tooltip. */
  kind: string;
}

/** A reference as it reads in code: `.name` for properties, `[3]` for elements, context variables by name. */
export function edgeLabel(edge: Pick<EdgeRow, 'type' | 'name'>): EdgeLabel {
  switch (edge.type) {
    case 'element':
      return { text: `[${edge.name}]`, muted: false, kind: 'array element' };
    case 'hidden':
      return { text: `[${edge.name}]`, muted: true, kind: 'hidden reference (V8 internal)' };
    case 'context':
      return { text: edge.name, muted: false, kind: 'context variable (captured by a closure)' };
    case 'internal':
      return { text: edge.name, muted: true, kind: 'internal reference (V8)' };
    case 'weak':
      return { text: `${edge.name} (weak)`, muted: true, kind: 'weak reference: does not keep the object alive' };
    case 'shortcut':
      return { text: edge.name, muted: false, kind: 'shortcut (e.g. a global from its Window)' };
    default:
      return { text: `.${edge.name}`, muted: false, kind: `${edge.type} reference` };
  }
}

/** How an object reads in a tree: strings by value, closures as `name()`, others by class. */
export function objectLabel(object: Pick<ObjectRow, 'type' | 'name' | 'className'>): string {
  if (STRING_TYPES.has(object.type)) return JSON.stringify(truncateText(object.name, MAX_STRING_LABEL));
  if (object.type === 'closure') return `${object.name || '(anonymous)'}()`;
  if (object.className === object.name || !object.name) return object.className;
  return `${object.className} ${truncateText(object.name, MAX_STRING_LABEL)}`;
}
