import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchSnapshotHash } from '../../shared/launchSnapshot';

/** The renderer's own page; IPC and navigation are allowed to nothing else. */
export function rendererUrl(): string {
  return pathToFileURL(join(__dirname, '../renderer/index.html')).href;
}

export function isAppUrl(url: string): boolean {
  return url.split('#')[0] === rendererUrl();
}

/**
 * The main window: sandboxed, isolated, no Node in the page, no navigation away. A snapshot
 * given on the command line is passed in the URL fragment for the UI to open.
 */
export function createMainWindow(snapshotPath?: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Heapdeck',
    backgroundColor: '#111418',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  // Links in the UI (docs, issues) open in the user's browser, never inside the app.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadURL(snapshotPath ? `${rendererUrl()}#${launchSnapshotHash(snapshotPath)}` : rendererUrl());
  return window;
}
