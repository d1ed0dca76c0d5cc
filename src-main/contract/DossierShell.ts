/**
 * What the desktop shell offers a window besides the case API (window.dossier): native dialogs,
 * recent cases, paths of dropped files, menu commands. Exposed as `window.dossierShell`.
 * Part of the contract so the renderer and main share one definition.
 */

/** Commands the native menu sends to the focused window. */
export const MENU_COMMANDS = [
  'case.new', 'case.open', 'case.close',
  'evidence.import', 'packet.export', 'share.create', 'share.import', 'domains.importCsv',
  'palette.open', 'search.focus', 'theme.toggle',
  'view.overview', 'view.evidence', 'view.websites', 'view.orders', 'view.stakeholders', 'view.notes',
  'view.timeline', 'view.graph', 'view.audit',
  'help.shortcuts', 'help.about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface RecentCase {
  path: string;
  title: string;
  openedAt: string;
}

/** What a freshly opened window should do first (set when main opens a window for a path). */
export interface LaunchRequest {
  openPath: string | null;
  /** Set when the window was opened with File > New: show the new-case form at once. */
  newCase: boolean;
}

/** Why a save dialog is shown: main picks its title, filter and the extension the file gets. */
export type SavePurpose = 'packet' | 'appendixCsv' | 'share' | 'receivedCase';
/** Why an open dialog is shown: a website list, a teammate's share, a copy to merge, the declarant's signature image. */
export type OpenPurpose = 'siteList' | 'share' | 'mergeSource' | 'signatureImage';

export interface DossierShell {
  readonly platform: 'darwin' | 'win32' | 'linux' | 'web';
  /** The app serves captured pages on its dossier-archive: protocol (the desktop app; not a plain web page). */
  readonly archiveProtocol: boolean;
  chooseNewCasePath(request: { suggestedName: string }): Promise<string | null>;
  chooseCaseToOpen(request: Record<string, never>): Promise<string | null>;
  chooseEvidenceFiles(request: Record<string, never>): Promise<string[]>;
  chooseExtractPath(request: { suggestedName: string }): Promise<string | null>;
  /** A native save dialog for `purpose`; the path carries the purpose's extension. */
  chooseSavePath(request: { purpose: SavePurpose; suggestedName: string }): Promise<string | null>;
  /** A native open dialog for one file of `purpose`. */
  chooseFileToOpen(request: { purpose: OpenPurpose }): Promise<string | null>;
  /** Shows a file the app wrote (a packet, a share) in the system file manager. */
  showInFolder(request: { path: string }): Promise<null>;
  recentCases(request: Record<string, never>): Promise<RecentCase[]>;
  forgetRecentCase(request: { path: string }): Promise<null>;
  takeLaunchRequest(request: Record<string, never>): Promise<LaunchRequest>;
  /** Opens a case in another window (or focuses the window that has it open). */
  openCaseWindow(request: { path: string | null }): Promise<null>;
  /** Absolute paths of files dropped on the window (Electron: webUtils.getPathForFile). */
  pathsForFiles(files: File[]): string[];
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Main asks this window to open a case file (File > Open, a double-clicked file, Open Recent). */
  onOpenPath(listener: (path: string) => void): () => void;
}

/** The shell methods that cross IPC, as `shell.<method>` channels. */
export const SHELL_METHODS = [
  'chooseNewCasePath', 'chooseCaseToOpen', 'chooseEvidenceFiles', 'chooseExtractPath', 'chooseSavePath', 'chooseFileToOpen', 'showInFolder',
  'recentCases', 'forgetRecentCase', 'takeLaunchRequest', 'openCaseWindow',
] as const satisfies readonly (keyof DossierShell)[];
export type ShellMethod = (typeof SHELL_METHODS)[number];
export type ShellChannel = `shell.${ShellMethod}`;
export const SHELL_CHANNELS = SHELL_METHODS.map((m) => `shell.${m}` as const) as readonly ShellChannel[];

export type ShellRequestOf<M extends ShellMethod> = Parameters<DossierShell[M]>[0];
export type ShellResponseOf<M extends ShellMethod> = Awaited<ReturnType<DossierShell[M]>>;

/** IPC names for main -> window messages. */
export const EVENT_CHANNEL = 'dossier:event';
export const MENU_CHANNEL = 'dossier:menu';
export const OPEN_PATH_CHANNEL = 'dossier:open-path';
