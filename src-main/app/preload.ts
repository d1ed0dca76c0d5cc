import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildWindowApi } from './buildWindowApi';
import { EVENT_CHANNEL, MENU_CHANNEL, OPEN_PATH_CHANNEL } from '../contract/DossierShell';

// Sandboxed preload: bundled to CommonJS (electron.vite.config.ts) with no Node access. It only
// relays IPC; everything else is in buildWindowApi, which the e2e harness uses too.
function listen<T extends unknown[]>(channel: string, listener: (...args: T) => void): () => void {
  const handler = (_event: unknown, ...args: unknown[]) => listener(...(args as T));
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
const { dossier, shell } = buildWindowApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  onEvent: (listener) => listen(EVENT_CHANNEL, listener),
  onMenuCommand: (listener) => listen(MENU_CHANNEL, listener),
  onOpenPath: (listener) => listen(OPEN_PATH_CHANNEL, listener),
  pathForFile: (file) => webUtils.getPathForFile(file),
  platform,
  archiveProtocol: true,
});

contextBridge.exposeInMainWorld('dossier', dossier);
contextBridge.exposeInMainWorld('dossierShell', shell);
