import type { ReactNode } from 'react';
import { isUnreachableDistance, SYSTEM_DISTANCE_BASE } from '../../../../shared/model/heapSnapshots';
import { ByteSize } from '../../../components/ByteSize';
import type { TreeColumn } from '../../../components/tree/VirtualTree';
import { HeapItemName } from './HeapItemName';
import { objectOf, type HeapTreeItem } from './heapTreeItems';

function percent(part: number, total: number): string {
  if (total <= 0) return '';
  const share = (part / total) * 100;
  return share >= 0.1 ? `${share.toFixed(1)} %` : share > 0 ? '< 0.1 %' : '0 %';
}

function sizeCell(sizeBytes: number | undefined, totalBytes: number): ReactNode {
  if (sizeBytes === undefined) return null;
  return (
    <>
      <ByteSize sizeBytes={sizeBytes} />
      <span className="share">{percent(sizeBytes, totalBytes)}</span>
    </>
  );
}

function distanceCell(distance: number | undefined): ReactNode {
  if (distance === undefined) return null;
  if (isUnreachableDistance(distance)) return <span title="Not reachable from the GC roots">—</span>;
  if (distance >= SYSTEM_DISTANCE_BASE) return <span title="Reached only through V8's own system roots">system</span>;
  return distance;
}

interface ColumnOptions {
  totalSizeBytes: number;
  /** The summary's sort keys on its columns (other trees do not sort). */
  sortable?: boolean;
  /** The column that names each row. */
  nameLabel?: string;
}

interface SizeColumn {
  id: string;
  label: string;
  title: string;
  sortKey?: string;
  sizeOf(item: HeapTreeItem): number | undefined;
}

/** A size with its share of the heap. */
function sizeColumn({ sizeOf, ...column }: SizeColumn, totalSizeBytes: number): TreeColumn<HeapTreeItem> {
  return { ...column, width: 150, numeric: true, render: (item) => sizeCell(sizeOf(item), totalSizeBytes) };
}

/** Name, distance, shallow and retained size (with their share of the heap) for any snapshot tree. */
export function heapColumns({ totalSizeBytes, sortable, nameLabel = 'Object' }: ColumnOptions): TreeColumn<HeapTreeItem>[] {
  const name: TreeColumn<HeapTreeItem> = { id: 'name', label: nameLabel, sortKey: sortable ? 'name' : undefined, render: (item) => <HeapItemName item={item} /> };
  const count: TreeColumn<HeapTreeItem> = {
    id: 'count',
    label: 'Count',
    width: 90,
    numeric: true,
    sortKey: 'count',
    render: (item) => (item.kind === 'class' ? item.row.count.toLocaleString('en-US') : ''),
  };
  return [
    name,
    ...(sortable ? [count] : []),
    {
      id: 'distance',
      label: 'Distance',
      width: 80,
      numeric: true,
      sortKey: sortable ? 'minDistance' : undefined,
      title: 'Steps from the GC roots',
      render: (item) => distanceCell(item.kind === 'class' ? item.row.minDistance : objectOf(item)?.distance),
    },
    sizeColumn(
      {
        id: 'shallow',
        label: 'Shallow size',
        title: 'Memory held by the object itself',
        sortKey: sortable ? 'shallowSizeBytes' : undefined,
        sizeOf: (item) => (item.kind === 'class' ? item.row.shallowSizeBytes : objectOf(item)?.selfSizeBytes),
      },
      totalSizeBytes,
    ),
    sizeColumn(
      {
        id: 'retained',
        label: 'Retained size',
        title: 'Memory freed if the object were gone (it and everything only it keeps alive)',
        sortKey: sortable ? 'retainedSizeBytes' : undefined,
        sizeOf: (item) => (item.kind === 'class' ? item.row.retainedSizeBytes : objectOf(item)?.retainedSizeBytes),
      },
      totalSizeBytes,
    ),
  ];
}
