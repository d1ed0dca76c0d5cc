import { shellCall, toDossierError } from '../../api';
import { suggestedFileName } from '../../components/displayText';
import type { OpenPurpose } from '../../../src-main/contract/DossierShell';
import { useApp } from './appStore';

/*
 * Starting the multi-step dialogs, from the menu, the palette and buttons alike. Files come from
 * the shell's native dialogs before the dialog opens (the renderer never builds a path).
 */

function needsCase(what: string): boolean {
  const app = useApp.getState();
  if (app.phase === 'case') return true;
  app.showNotice({ title: 'No case open', message: `Open or create a case first, then ${what}.` });
  return false;
}

async function chooseFile(purpose: OpenPurpose): Promise<string | null> {
  try {
    return await shellCall((s) => s.chooseFileToOpen({ purpose }));
  } catch (raw) {
    useApp.getState().showNotice({ title: 'Could not open the file dialog', message: toDossierError(raw).message });
    return null;
  }
}

export function startPacketExport(): void {
  if (needsCase('export its filing packet')) useApp.getState().setFlow({ kind: 'packet' });
}

export async function startSiteImport(): Promise<void> {
  if (!needsCase('import websites into it')) return;
  const path = await chooseFile('siteList');
  if (path) useApp.getState().setFlow({ kind: 'siteImport', path });
}

export function startShare(): void {
  if (needsCase('share it')) useApp.getState().setFlow({ kind: 'share' });
}

/** A teammate's share as a new case file (the start screen): the share, then where the case goes. */
export async function startReceive(): Promise<void> {
  const sharePath = await chooseFile('share');
  if (!sharePath) return;
  const shareName = sharePath.split(/[\\/]/).pop() ?? 'received';
  // The share's name is someone else's: its controls must not reach the save dialog live.
  const suggestedName = suggestedFileName(`${shareName.replace(/(\.dossier)?\.age$/i, '') || 'received'}-received.dossier`, 'received.dossier');
  try {
    const outPath = await shellCall((s) => s.chooseSavePath({ purpose: 'receivedCase', suggestedName }));
    if (outPath) useApp.getState().setFlow({ kind: 'receive', sharePath, outPath });
  } catch (raw) {
    useApp.getState().showNotice({ title: 'Could not open the file dialog', message: toDossierError(raw).message });
  }
}

/** A teammate's copy (.dossier) or share (.dossier.age) merged into the open case. */
export async function startMerge(): Promise<void> {
  if (!needsCase("merge a teammate's copy into it")) return;
  const otherPath = await chooseFile('mergeSource');
  if (otherPath) useApp.getState().setFlow({ kind: 'merge', otherPath });
}

/** File > Import Share: into the open case (merge) or, with none open, as a new case. */
export function startImportShare(): Promise<void> {
  return useApp.getState().phase === 'case' ? startMerge() : startReceive();
}
