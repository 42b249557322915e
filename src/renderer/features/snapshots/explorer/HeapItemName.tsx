import type { EdgeRow, ObjectRow } from '../../../../shared/model/heapSnapshots';
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

/** `name :: Object` for a reference held, `name in Holder` for one that holds. */
function Reference({ edge, joiner }: { edge: EdgeRow; joiner: string }) {
  const label = edgeLabel(edge);
  return (
    <>
      <span className={label.muted ? 'edge-name muted' : 'edge-name'} title={label.kind}>
        {label.text}
      </span>
      <span className="share">{joiner}</span>
      <ObjectName object={edge.node} />
    </>
  );
}

/** The first cell of a snapshot tree row; every heap string goes in as text, never as markup. */
export function HeapItemName({ item }: { item: HeapTreeItem }) {
  switch (item.kind) {
    case 'class':
    case 'classDiff':
      return <span className="class-name">{item.row.name}</span>;
    case 'change':
      return (
        <span className="share">
          {item.change === 'new' ? 'New objects' : 'Deleted objects'} ({item.count.toLocaleString('en-US')})
        </span>
      );
    case 'object':
      return <ObjectName object={item.row} />;
    case 'edge':
      return <Reference edge={item.row} joiner=" :: " />;
    case 'retainer':
      return <Reference edge={item.row} joiner=" in " />;
    default:
      return item satisfies never;
  }
}
