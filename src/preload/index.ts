import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isEventName, isMethodName } from '../shared/contract/api';
import type { Door } from '../shared/contract/door';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/contract/ipcChannels';

// The renderer gets exactly the contract's door and nothing of Electron or Node: method and
// event names are checked against the contract's own lists before anything crosses.
const door: Door = {
  invoke(method, params) {
    if (!isMethodName(method)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown method "${String(method)}".` } });
    }
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, params);
  },
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('heapdeck', door);

// Dropped files: the page sees a File, only the preload may ask Electron where it lives.
contextBridge.exposeInMainWorld('heapdeckFiles', { pathForFile: (file: File) => webUtils.getPathForFile(file) });
