import { useState } from 'react';

export type WatchesLayout = 'side-by-side' | 'overlaid';

const STORAGE_KEY = 'heapdeck.watchesLayout';

/** The Watches layout, remembered across launches. */
export function useLayoutChoice() {
  const [layout, setLayout] = useState<WatchesLayout>(() =>
    localStorage.getItem(STORAGE_KEY) === 'overlaid' ? 'overlaid' : 'side-by-side',
  );
  const choose = (next: WatchesLayout): void => {
    setLayout(next);
    localStorage.setItem(STORAGE_KEY, next);
  };
  return { layout, choose };
}
