import { useEffect, useMemo } from 'react';
import { LazyTree, type TreeSource } from '../../../components/tree/lazyTree';

/** A tree over `makeSource()`, rebuilt (and the old one dropped) whenever `deps` change. */
export function useLazyTree<T>(makeSource: () => TreeSource<T>, deps: readonly unknown[]): LazyTree<T> {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the source depends on
  const tree = useMemo(() => new LazyTree(makeSource()), deps);
  useEffect(() => () => tree.dispose(), [tree]);
  return tree;
}
