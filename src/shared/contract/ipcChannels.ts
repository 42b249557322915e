/** Electron IPC channel names, shared by the preload bridge and main's IPC adapter. */
export const IPC_INVOKE_CHANNEL = 'heapdeck:invoke';
export const IPC_EVENT_CHANNEL = 'heapdeck:event';
