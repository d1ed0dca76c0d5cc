import { buildWindowApi } from '../../../src-main/app/buildWindowApi';
import type { IpcResult } from '../../../src-main/contract/createDossierClient';
import type { EventName } from '../../../src-main/contract/events';

/**
 * Runs in the page before the app (Playwright addInitScript, bundled to one script by
 * scripts/run-e2e.mjs). It builds window.dossier and window.dossierShell with the same
 * buildWindowApi the Electron preload uses; only the transport differs: requests go to the test
 * process through a Playwright binding, where registerChannels + dispatch answer them.
 */
interface HarnessWindow {
  __dossierInvoke(channel: string, request: unknown): Promise<IpcResult>;
  __dossierEmit?: (kind: 'event' | 'menu' | 'open', name: string, payload?: unknown) => void;
  /** File name -> absolute path, set by a test before it drops files (stands in for webUtils.getPathForFile). */
  __dossierDroppedPaths?: Record<string, string>;
}

const w = window as unknown as HarnessWindow & Window;
const listeners = {
  event: new Set<(name: EventName, payload: unknown) => void>(),
  menu: new Set<(command: string) => void>(),
  open: new Set<(path: string) => void>(),
};
w.__dossierEmit = (kind, name, payload) => {
  if (kind === 'event') listeners.event.forEach((l) => l(name as EventName, payload));
  else if (kind === 'menu') listeners.menu.forEach((l) => l(name));
  else listeners.open.forEach((l) => l(name));
};
const subscribe = <T>(set: Set<T>) => (listener: T) => {
  set.add(listener);
  return () => set.delete(listener);
};

const { dossier, shell } = buildWindowApi({
  invoke: (channel, request) => w.__dossierInvoke(channel, request),
  onEvent: subscribe(listeners.event),
  onMenuCommand: subscribe(listeners.menu),
  onOpenPath: subscribe(listeners.open),
  pathForFile: (file) => w.__dossierDroppedPaths?.[file.name] ?? '',
  platform: 'web',
});
Object.defineProperty(window, 'dossier', { value: Object.freeze(dossier), enumerable: true });
Object.defineProperty(window, 'dossierShell', { value: Object.freeze(shell), enumerable: true });
