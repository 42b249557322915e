import { useSyncExternalStore } from 'react';
import type { LazyTree } from './lazyTree';

/** Re-renders when the tree changes (a page arrived, a node opened). */
export function useTreeVersion<T>(tree: LazyTree<T>): number {
  return useSyncExternalStore(tree.subscribe, tree.getVersion);
}
