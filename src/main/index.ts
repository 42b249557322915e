import { app, BrowserWindow, dialog, shell } from 'electron';
import { join, resolve } from 'node:path';
import { hardenSessions } from './app/security';
import { createMainWindow, isAppUrl } from './app/window';
import { heapdeckHome } from './heapdeckHome';
import { bridgeIpc } from './ipc/ipcBridge';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { createServices, type Services } from './services';

// Electron entry: the thin shell. Everything it starts is plain Node under src/main.
let services: Services | undefined;

// `heapdeck-app file.heapsnapshot` (or `npm start -- file.heapsnapshot`) opens that file.
const launchSnapshot = process.argv.slice(1).find((arg) => arg.endsWith('.heapsnapshot'));

app.enableSandbox();

app.whenReady().then(async () => {
  hardenSessions(CONTENT_SECURITY_POLICY);
  services = await createServices(heapdeckHome(), {
    snapshotWorkerPath: join(__dirname, 'snapshotWorker.js'),
    revealFile: async (path) => {
      shell.showItemInFolder(path);
      return true;
    },
    chooseSnapshotFile: async () => {
      const choice = await dialog.showOpenDialog({
        title: 'Open a heap snapshot',
        properties: ['openFile'],
        filters: [{ name: 'Heap snapshots', extensions: ['heapsnapshot'] }],
      });
      return choice.canceled ? undefined : choice.filePaths[0];
    },
  });
  bridgeIpc(services.door, isAppUrl);
  createMainWindow(launchSnapshot && resolve(launchSnapshot));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Close every watch (and stop scripts Heapdeck launched) before the process goes.
let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !services) return;
  event.preventDefault();
  quitting = true;
  void services.shutdown().finally(() => app.quit());
});
