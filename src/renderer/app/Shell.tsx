import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ToastStack } from '../features/alerts/ToastStack';
import { SessionsView } from '../features/sessions/SessionsView';
import { SettingsView } from '../features/settings/SettingsView';
import { useOpenSnapshotsStore } from '../features/snapshots/openSnapshotsContext';
import { SnapshotsView } from '../features/snapshots/SnapshotsView';
import { NavigationContext, type Navigation } from './navigationContext';
import { TargetsView } from '../features/targets/TargetsView';
import { WatchesView } from '../features/timeline/WatchesView';
import { useLiveState } from '../features/timeline/useLiveState';
import { ReconnectBanner } from './ReconnectBanner';
import { Sidebar } from './Sidebar';
import { useViewShortcuts } from './useViewShortcuts';
import type { ViewId } from './views';

/** The app once connected: sidebar, the current view, toasts. */
export function Shell({ reconnectAttempt, launchSnapshot }: { reconnectAttempt: number | null; launchSnapshot?: string }) {
  const [view, setView] = useState<ViewId>('targets');
  const [snapshotPath, setSnapshotPath] = useState<string | null>(null);
  const userNavigated = useRef(false);
  const { watches, listed } = useLiveState();
  const activeWatchCount = watches.filter((watch) => watch.info.status === 'watching').length;

  const navigate = useCallback((next: ViewId) => {
    userNavigated.current = true;
    setView(next);
  }, []);
  useViewShortcuts(navigate);
  const openSnapshots = useOpenSnapshotsStore();
  const navigation = useMemo<Navigation>(
    () => ({
      openSnapshot(path) {
        void openSnapshots.open(path);
        setSnapshotPath(path);
        navigate('snapshots');
      },
    }),
    [openSnapshots, navigate],
  );

  const launchOpened = useRef(false);
  useEffect(() => {
    if (!launchSnapshot || launchOpened.current) return;
    launchOpened.current = true;
    userNavigated.current = true;
    navigation.openSnapshot(launchSnapshot);
  }, [launchSnapshot, navigation]);

  // Opened while something is already watched (e.g. by the CLI): show it rather than the list.
  // Decided once, at the first listing, so later attaches from elsewhere never yank the view.
  const firstListingSeen = useRef(false);
  useEffect(() => {
    if (!listed || firstListingSeen.current) return;
    firstListingSeen.current = true;
    if (!userNavigated.current && activeWatchCount > 0) setView('watches');
  }, [listed, activeWatchCount]);

  return (
    <NavigationContext.Provider value={navigation}>
      <div className="app">
        <Sidebar view={view} onNavigate={navigate} activeWatchCount={activeWatchCount} />
        <main className="main" aria-live="off">
          {reconnectAttempt !== null && <ReconnectBanner attempt={reconnectAttempt} />}
          {view === 'targets' && <TargetsView onAttached={() => navigate('watches')} />}
          {view === 'watches' && <WatchesView onFindTargets={() => navigate('targets')} />}
          {view === 'snapshots' && <SnapshotsView current={snapshotPath} onShow={setSnapshotPath} />}
          {view === 'sessions' && <SessionsView />}
          {view === 'settings' && <SettingsView />}
        </main>
        <ToastStack />
      </div>
    </NavigationContext.Provider>
  );
}
