/**
 * The renderer's view of window.dossierShell (native dialogs, recent cases, dropped-file paths,
 * menu commands). Change together with src-main/app/shell/DossierShell.ts: this project's
 * tsconfig cannot see src-main/app, so the type is kept twice until it moves into the contract.
 */
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

export interface LaunchRequest {
  openPath: string | null;
  newCase: boolean;
}

/** Why a save dialog is shown: main picks its title, filter and the extension the file gets. */
export type SavePurpose = 'packet' | 'appendixCsv' | 'share' | 'receivedCase';
/** Why an open dialog is shown: a website list, a teammate's share, a copy to merge. */
export type OpenPurpose = 'siteList' | 'share' | 'mergeSource';

export interface DossierShell {
  readonly platform: 'darwin' | 'win32' | 'linux' | 'web';
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
  openCaseWindow(request: { path: string | null }): Promise<null>;
  pathsForFiles(files: File[]): string[];
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onOpenPath(listener: (path: string) => void): () => void;
}
