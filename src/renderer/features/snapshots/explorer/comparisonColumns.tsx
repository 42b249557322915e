import type { ReactNode } from 'react';
import { formatBytes } from '../../../../shared/format/bytes';
import type { ClassDiffRow } from '../../../../shared/model/comparisons';
import type { TreeColumn } from '../../../components/tree/VirtualTree';
import { formatExactBytes } from '../../../format/bytes';
import { HeapItemName } from './HeapItemName';
import { objectOf, type HeapTreeItem } from './heapTreeItems';

function signedCount(value: number): string {
  return value > 0 ? `+${value.toLocaleString('en-US')}` : value.toLocaleString('en-US');
}

function signedBytes(value: number): ReactNode {
  const text = value > 0 ? `+${formatBytes(value)}` : value < 0 ? `−${formatBytes(-value)}` : '0 B';
  return (
    <span className={value > 0 ? 'delta-up' : value < 0 ? 'delta-down' : undefined} title={formatExactBytes(value)} data-bytes={value}>
      {text}
    </span>
  );
}

/** A class's figure, or for an object row its own size in the matching size column. */
function diffCell(pick: (row: ClassDiffRow) => ReactNode, objectValue?: (item: HeapTreeItem) => ReactNode) {
  return (item: HeapTreeItem): ReactNode => {
    if (item.kind === 'classDiff') return pick(item.row);
    return objectValue?.(item) ?? null;
  };
}

/** Columns of the comparison view: counts new / deleted / delta, shallow and retained deltas. */
export function comparisonColumns(): TreeColumn<HeapTreeItem>[] {
  const objectBytes = (key: 'selfSizeBytes' | 'retainedSizeBytes') => (item: HeapTreeItem) => {
    const object = objectOf(item);
    return object ? <span title={formatExactBytes(object[key])}>{formatBytes(object[key])}</span> : null;
  };
  return [
    { id: 'name', label: 'Constructor', sortKey: 'name', render: (item) => <HeapItemName item={item} /> },
    { id: 'new', label: '# New', width: 90, numeric: true, sortKey: 'newCount', render: diffCell((row) => row.newCount.toLocaleString('en-US')) },
    { id: 'deleted', label: '# Deleted', width: 90, numeric: true, sortKey: 'deletedCount', render: diffCell((row) => row.deletedCount.toLocaleString('en-US')) },
    { id: 'delta', label: '# Delta', width: 90, numeric: true, sortKey: 'deltaCount', render: diffCell((row) => signedCount(row.deltaCount)) },
    {
      id: 'shallow',
      label: 'Size delta',
      width: 120,
      numeric: true,
      sortKey: 'deltaShallowBytes',
      title: 'Change in shallow size (objects: their own size)',
      render: diffCell((row) => signedBytes(row.deltaShallowBytes), objectBytes('selfSizeBytes')),
    },
    {
      id: 'retained',
      label: 'Retained delta',
      width: 130,
      numeric: true,
      sortKey: 'deltaRetainedBytes',
      title: 'Change in the memory the class keeps alive (objects: their retained size)',
      render: diffCell((row) => signedBytes(row.deltaRetainedBytes), objectBytes('retainedSizeBytes')),
    },
  ];
}
