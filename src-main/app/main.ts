import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, safeStorage, session } from 'electron';
import workerEntry from './worker/caseWorkerMain?modulePath';
import { appMenuTemplate } from './appMenuTemplate';
import { caseFilesInArgv } from './caseFilesInArgv';
import { handleArchiveProtocol, registerArchiveScheme } from './archiveProtocolHandler';
import { hardenSession } from './hardenSession';
import { OpenCases, trackedCaseHost } from './OpenCases';
import { RecentCases } from './RecentCases';
import { registerChannels } from './registerChannels';
import { caseWindowOptions } from './security/caseWindowOptions';
import { trustedRendererFor } from './security/trustedRenderer';
import { EVENT_CHANNEL, type LaunchRequest, MENU_CHANNEL, type MenuCommand, OPEN_PATH_CHANNEL } from '../contract/DossierShell';
import { shellHandlers } from './shellHandlers';
import { CaseWorker } from './worker/CaseWorker';
import type { CaseHost } from './worker/CaseWorker';

// Electron glue only: everything decidable without Electron lives in the files imported above.
const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const preloadPath = path.join(here, '../preload/preload.cjs');
const indexPath = path.join(here, '../renderer/index.html');
const renderer = trustedRendererFor(devServerUrl, indexPath);
// better-sqlite3 built for Electron's ABI (scripts/build-electron-native.mjs; packaged without asar, see docs/electron.md).
const nativeBinding = path.join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');

interface CaseWindow {
  win: BrowserWindow;
  worker: CaseWorker;
  host: CaseHost;
  launch: LaunchRequest;
  casePath: string | null;
  loaded: boolean;
}
const windows = new Map<number, CaseWindow>();
const openCases = new OpenCases();
const closingWorkers = new Set<Promise<void>>();
let recent: RecentCases;
const pendingOpens: string[] = [];

registerArchiveScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    const files = caseFilesInArgv(argv.slice(1), cwd);
    if (files.length) files.forEach(openPath);
    else focusOrCreate();
  });
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (app.isReady()) openPath(filePath);
    else pendingOpens.push(filePath);
  });
  void app.whenReady().then(start);
}

function start(): void {
  if (!fs.existsSync(nativeBinding)) {
    dialog.showErrorBox(
      'Dossier cannot open case files',
      `The SQLite engine built for Electron is missing:\n${nativeBinding}\n\nRun "node scripts/build-electron-native.mjs" on a connected machine (see docs/electron.md).`,
    );
    app.quit();
    return;
  }
  recent = new RecentCases(path.join(app.getPath('userData'), 'recent-cases.json'));
  hardenSession(session.defaultSession, devServerUrl);
  handleArchiveProtocol(session.defaultSession, () => [...windows.values()].filter((w) => w.casePath !== null).map((w) => w.host));
  registerChannels(ipcMain, {
    renderer,
    hostFor: (event) => windows.get(event.sender.id)?.host,
    shell: shellHandlers({
      recent,
      openPath: (filePath) => (filePath ? openPath(filePath) : createWindow({ openPath: null, newCase: false })),
      takeLaunchRequest: (event) => {
        const entry = windows.get(event.sender.id);
        const launch = entry?.launch ?? { openPath: null, newCase: false };
        if (entry) entry.launch = { openPath: null, newCase: false };
        return launch;
      },
    }),
  });
  rebuildMenu();
  const files = [...pendingOpens.splice(0), ...caseFilesInArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd())];
  if (files.length) files.forEach(openPath);
  else createWindow({ openPath: null, newCase: false });
  app.on('activate', () => {
    if (windows.size === 0) createWindow({ openPath: null, newCase: false });
  });
}

function createWindow(launch: LaunchRequest): CaseWindow {
  const win = new BrowserWindow(caseWindowOptions({ preloadPath, dark: nativeTheme.shouldUseDarkColors, devTools: !app.isPackaged }));
  const id = win.webContents.id;
  // The sharing identity: kept by safeStorage (the OS keychain) in user data; the worker reaches
  // safeStorage through the CaseWorker (it exists only in this process).
  const identityVaultPath = path.join(app.getPath('userData'), 'identity', 'identity-vault.json');
  const worker = new CaseWorker(
    workerEntry,
    { nativeBinding, actorName: null, identityVaultPath },
    (name, payload) => {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
    },
    safeStorage,
  );
  const entry: CaseWindow = { win, worker, launch, casePath: null, loaded: false, host: worker };
  entry.host = trackedCaseHost(worker, id, openCases, {
    onOpened: (summary) => {
      entry.casePath = summary.path;
      win.setTitle(`${summary.info.title} — Dossier`);
      if (process.platform === 'darwin') win.setRepresentedFilename(summary.path);
      recent.add({ path: summary.path, title: summary.info.title, openedAt: new Date().toISOString() });
      app.addRecentDocument(summary.path);
      rebuildMenu();
    },
    onClosed: () => {
      entry.casePath = null;
      win.setTitle('Dossier');
    },
    onAlreadyOpen: (owner) => windows.get(owner)?.win.focus(),
  });
  windows.set(id, entry);
  win.once('ready-to-show', () => win.show());
  win.webContents.once('did-finish-load', () => {
    entry.loaded = true;
  });
  win.on('closed', () => {
    windows.delete(id);
    openCases.releaseWindow(id);
    const closing = worker.close();
    closingWorkers.add(closing);
    void closing.finally(() => closingWorkers.delete(closing));
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(indexPath);
  return entry;
}

function focusOrCreate(): CaseWindow {
  const focused = BrowserWindow.getFocusedWindow();
  const entry = (focused && windows.get(focused.webContents.id)) ?? windows.values().next().value;
  if (entry) {
    if (entry.win.isMinimized()) entry.win.restore();
    entry.win.focus();
    return entry;
  }
  return createWindow({ openPath: null, newCase: false });
}

/** Opens a case file: focuses its window, reuses an empty window, or opens a new one. */
function openPath(filePath: string): void {
  const owner = openCases.ownerOf(filePath);
  if (owner !== undefined) {
    windows.get(owner)?.win.focus();
    return;
  }
  const focused = BrowserWindow.getFocusedWindow();
  const empty = (focused && windows.get(focused.webContents.id)) || [...windows.values()].find((w) => !w.casePath);
  if (empty && !empty.casePath && empty.loaded) {
    empty.win.webContents.send(OPEN_PATH_CHANNEL, path.resolve(filePath));
    empty.win.focus();
  } else {
    createWindow({ openPath: path.resolve(filePath), newCase: false });
  }
}

function sendCommand(command: MenuCommand): void {
  const target = focusOrCreate();
  target.win.webContents.send(MENU_CHANNEL, command);
}

function rebuildMenu(): void {
  const template = appMenuTemplate({
    platform: process.platform,
    appName: 'Dossier',
    recent: recent.list(),
    dev: !app.isPackaged,
    actions: {
      send: sendCommand,
      newCase: () => {
        const focused = BrowserWindow.getFocusedWindow();
        const entry = focused ? windows.get(focused.webContents.id) : undefined;
        if (entry && !entry.casePath) entry.win.webContents.send(MENU_CHANNEL, 'case.new');
        else createWindow({ openPath: null, newCase: true });
      },
      openCase: () => {
        const focused = BrowserWindow.getFocusedWindow();
        const options: Electron.OpenDialogOptions = {
          title: 'Open case file',
          filters: [{ name: 'Dossier case file', extensions: ['dossier'] }],
          properties: ['openFile'],
        };
        void (focused ? dialog.showOpenDialog(focused, options) : dialog.showOpenDialog(options)).then((result) => {
          if (!result.canceled && result.filePaths[0]) openPath(result.filePaths[0]);
        });
      },
      openRecent: openPath,
      clearRecent: () => {
        recent.clear();
        app.clearRecentDocuments();
        rebuildMenu();
      },
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Let every worker close its case file before the process ends, so no journal is left behind.
let workersClosed = false;
app.on('before-quit', (event) => {
  if (workersClosed) return;
  event.preventDefault();
  for (const entry of windows.values()) closingWorkers.add(entry.worker.close());
  void Promise.allSettled([...closingWorkers]).then(() => {
    workersClosed = true;
    app.quit();
  });
});
