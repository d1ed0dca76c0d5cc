import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, shell } from 'electron';
import { OPEN_PURPOSES, SAVE_PURPOSES, withPurposeExtension } from './shell/dialogPurposes';
import type { ShellHandlers } from './registerChannels';
import type { RecentCases } from './RecentCases';
import type { LaunchRequest } from '../contract/DossierShell';

export interface ShellContext {
  recent: RecentCases;
  takeLaunchRequest(event: IpcMainInvokeEvent): LaunchRequest;
  openPath(path: string | null): void;
}

const CASE_FILTER = [{ name: 'Dossier case file', extensions: ['dossier'] }];

/** Native dialogs and the recent list, behind the shell.* channels (validated in registerChannels). */
export function shellHandlers(context: ShellContext): ShellHandlers<IpcMainInvokeEvent> {
  const windowOf = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender) ?? undefined;
  const save = async (event: IpcMainInvokeEvent, options: Electron.SaveDialogOptions) => {
    const win = windowOf(event);
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    chooseNewCasePath: async ({ suggestedName }, event) => {
      const chosen = await save(event, {
        title: 'Create case file',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: CASE_FILTER,
        properties: ['createDirectory'],
      });
      return chosen && !chosen.toLowerCase().endsWith('.dossier') ? `${chosen}.dossier` : chosen;
    },
    chooseCaseToOpen: async (_request, event) => {
      const win = windowOf(event);
      const options: Electron.OpenDialogOptions = { title: 'Open case file', filters: CASE_FILTER, properties: ['openFile'] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseEvidenceFiles: async (_request, event) => {
      const win = windowOf(event);
      const options: Electron.OpenDialogOptions = { title: 'Import evidence', properties: ['openFile', 'multiSelections'] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    chooseExtractPath: ({ suggestedName }, event) =>
      save(event, { title: 'Save a copy of the exhibit', defaultPath: path.join(app.getPath('documents'), suggestedName), properties: ['createDirectory'] }),
    chooseSavePath: async ({ purpose, suggestedName }, event) => {
      const { title, filters } = SAVE_PURPOSES[purpose];
      const options: Electron.SaveDialogOptions = { title, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      let defaultPath = path.join(app.getPath('documents'), suggestedName);
      for (;;) {
        const chosen = await save(event, { ...options, defaultPath });
        if (!chosen) return null;
        const named = withPurposeExtension(chosen, purpose);
        // The dialog confirmed overwriting what was typed, not the name with the extension added:
        // if that one exists, ask again with it, so an existing file is never replaced unasked.
        if (named === chosen || !fs.existsSync(named)) return named;
        defaultPath = named;
      }
    },
    chooseFileToOpen: async ({ purpose }, event) => {
      const win = windowOf(event);
      const { title, filters } = OPEN_PURPOSES[purpose];
      const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showInFolder: ({ path: filePath }) => {
      shell.showItemInFolder(filePath);
      return null;
    },
    recentCases: () => context.recent.list(),
    forgetRecentCase: ({ path: filePath }) => {
      context.recent.remove(filePath);
      return null;
    },
    takeLaunchRequest: (_request, event) => context.takeLaunchRequest(event),
    openCaseWindow: ({ path: filePath }) => {
      context.openPath(filePath);
      return null;
    },
  };
}
