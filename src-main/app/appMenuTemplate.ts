import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentCase } from '../contract/DossierShell';

export interface MenuActions {
  /** Sends a command to the focused window (opening one first if there is none). */
  send(command: MenuCommand): void;
  newCase(): void;
  openCase(): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly RecentCase[];
  dev: boolean;
  actions: MenuActions;
}

const VIEWS: [MenuCommand, string][] = [
  ['view.overview', 'Overview'], ['view.evidence', 'Evidence'], ['view.websites', 'Websites'], ['view.orders', 'Court Orders'],
  ['view.stakeholders', 'Stakeholders'], ['view.notes', 'Notes'], ['view.timeline', 'Timeline'], ['view.graph', 'Graph'],
  ['view.audit', 'Audit Log'],
];

/**
 * The native menu as data (Menu.buildFromTemplate in main turns it into a menu). Items for work
 * that other issues deliver (packet export, sharing, CSV import) send their command anyway: the
 * window answers with a "not available yet" dialog until those land.
 */
export function appMenuTemplate({ platform, appName, recent, dev, actions }: MenuInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.send(command);
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((entry) => ({ label: `${entry.title} (${entry.path})`, click: () => actions.openRecent(entry.path) })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Cases', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: () => actions.newCase() },
      { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', click: () => actions.openCase() },
      { label: 'Open Recent', submenu: recentItems },
      { label: 'Import Share…', click: send('share.import') },
      { type: 'separator' },
      { label: 'Import Evidence…', accelerator: 'CmdOrCtrl+I', click: send('evidence.import') },
      { label: 'Import Domains from CSV…', click: send('domains.importCsv') },
      { type: 'separator' },
      { label: 'Export Filing Packet…', accelerator: 'CmdOrCtrl+E', click: send('packet.export') },
      { label: 'Share Case…', click: send('share.create') },
      { type: 'separator' },
      { label: 'Close Case', click: send('case.close') },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
      { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('search.focus') },
      { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', click: send('palette.open') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...VIEWS.map(([command, label], i): MenuItemConstructorOptions => ({ label, accelerator: `CmdOrCtrl+${i + 1}`, click: send(command) })),
      { type: 'separator' },
      { label: 'Toggle Light/Dark Theme', accelerator: 'CmdOrCtrl+Shift+L', click: send('theme.toggle') },
      { type: 'separator' },
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(dev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: send('help.shortcuts') },
      ...(mac ? [] : [{ type: 'separator' as const }, { label: `About ${appName}`, click: send('help.about') }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{
        label: appName,
        submenu: [
          { label: `About ${appName}`, click: send('help.about') }, { type: 'separator' },
          { role: 'services' }, { type: 'separator' },
          { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' },
          { role: 'quit' },
        ],
      }]
    : [];
  return [...appMenu, file, edit, view, ...(mac ? [{ role: 'windowMenu' as const }] : []), help];
}
