import { ipcMain, type WebContents } from 'electron';
import type { Door } from '../../shared/contract/door';
import { HeapdeckError } from '../../shared/contract/errors';
import { failure } from '../../shared/contract/result';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/ipcChannels';

/**
 * The Electron door: every `invoke` from the preload goes to the one dispatcher, and every
 * event goes to every window. Calls from frames other than the app's own are refused.
 */
export function bridgeIpc(door: Door, isTrustedUrl: (url: string) => boolean): () => void {
  const windows = new Set<WebContents>();
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, params: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return failure(new HeapdeckError('UNAUTHORIZED', 'Calls are only taken from Heapdeck\'s own window.'));
    }
    windows.add(event.sender);
    event.sender.once('destroyed', () => windows.delete(event.sender));
    return door.invoke(String(method), params);
  });
  const unsubscribe = door.subscribe((name, payload) => {
    for (const contents of windows) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
