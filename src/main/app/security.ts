import { session } from 'electron';

/**
 * App-wide hardening: the page may ask for notifications (alerts) and nothing else, and the
 * CSP of index.html is also sent as a header so no response can loosen it.
 */
export function hardenSessions(contentSecurityPolicy: string): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permission === 'notifications');
  });
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}
