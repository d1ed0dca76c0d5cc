import { app, type Session, type WebContents } from 'electron';
import { ARCHIVE_SCHEME } from '../captures/archiveProtocol';
import { contentSecurityPolicy } from './security/contentSecurityPolicy';
import { allowNavigation, windowOpenAnswer } from './security/navigationPolicy';

/**
 * Session-wide guards: CSP header on every response, no network except the dev server, no
 * permissions but writing to the clipboard, and no navigation, pop-ups or webviews in any page.
 */
export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  const csp = contentSecurityPolicy({ devServerUrl: devServerUrl ?? null });
  session.webRequest.onHeadersReceived((details, callback) => {
    // Archived pages carry their own, stricter policy (captures/archiveProtocol.ts archiveCsp).
    if (details.url.startsWith(`${ARCHIVE_SCHEME}:`)) return callback({ responseHeaders: details.responseHeaders ?? {} });
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    const origin = new URL(details.url).origin.replace(/^ws/, 'http');
    callback({ cancel: origin !== devOrigin });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!allowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!allowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => windowOpenAnswer(details.url));
}
