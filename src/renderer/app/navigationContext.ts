import { createContext, useContext } from 'react';

/** Moves between views from deep inside one (e.g. a timeline's snapshot marker opens the explorer). */
export interface Navigation {
  openSnapshot(path: string): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation() needs the Shell above it.');
  return navigation;
}
