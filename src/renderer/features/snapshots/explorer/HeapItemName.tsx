import type { ObjectRow } from '../../../../shared/model/heapSnapshots';
import { edgeLabel, objectLabel } from './heapLabels';
import type { HeapTreeItem } from './heapTreeItems';

function ObjectName({ object }: { object: ObjectRow }) {
  const isString = object.type.endsWith('string');
  return (
    <>
      <span className={isString ? 'string-value' : 'class-name'}>{objectLabel(object)}</span>
      <span className="heap-id">@{object.id}</span>
    </>
  );
}

/** The first cell of a snapshot tree row; every heap string goes in as text, never as markup. */
export function HeapItemName({ item }: { item: HeapTreeItem }) {
  switch (item.kind) {
    case 'class':
      return (
        <span className="class-name">{item.row.name}</span>
      );
    case 'object':
      return <ObjectName object={item.row} />;
    case 'edge': {
      const label = edgeLabel(item.row);
      return (
        <>
          <span className={label.muted ? 'edge-name muted' : 'edge-name'} title={label.kind}>
            {label.text}
          </span>
          <span className="share"> :: </span>
          <ObjectName object={item.row.node} />
        </>
      );
    }
    case 'retainer': {
      const label = edgeLabel(item.row);
      return (
        <>
          <span className={label.muted ? 'edge-name muted' : 'edge-name'} title={label.kind}>
            {label.text}
          </span>
          <span className="share"> in </span>
          <ObjectName object={item.row.node} />
        </>
      );
    }
  }
}
