import { useCallback, useState, type PointerEvent as ReactPointerEvent } from 'react';

const MIN_COLUMN_PX = 48;

/**
 * Column widths the user can drag. `undefined` keeps a column flexible (it takes the space
 * left); dragging gives it a width in pixels.
 */
export function useColumnWidths(initial: readonly (number | undefined)[]) {
  const [widths, setWidths] = useState<(number | undefined)[]>(() => [...initial]);

  const startResize = useCallback((column: number, event: ReactPointerEvent<HTMLElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const header = event.currentTarget.parentElement;
    const startX = event.clientX;
    const startWidth = header?.getBoundingClientRect().width ?? MIN_COLUMN_PX;
    const onMove = (move: PointerEvent) => {
      const width = Math.max(MIN_COLUMN_PX, Math.round(startWidth + move.clientX - startX));
      setWidths((current) => current.map((value, k) => (k === column ? width : value)));
    };
    const onUp = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  }, []);

  const template = widths.map((width) => (width === undefined ? 'minmax(160px, 1fr)' : `${width}px`)).join(' ');
  return { template, startResize };
}
