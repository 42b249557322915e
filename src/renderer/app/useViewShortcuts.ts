import { useEffect } from 'react';
import { VIEWS, type ViewId } from './views';

/** Alt+1 … Alt+5 switch views from anywhere, as the sidebar's tooltips say. */
export function useViewShortcuts(onNavigate: (view: ViewId) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const view = VIEWS[Number(event.key) - 1];
      if (!view) return;
      event.preventDefault();
      onNavigate(view.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onNavigate]);
}
