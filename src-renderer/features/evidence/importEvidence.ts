import { call, shell, shellCall, toDossierError } from '../../api';
import { useApp } from '../app/appStore';
import { useSelection } from '../items/itemStores';
import { useTasks } from '../../data/tasksStore';
import { importCaptures, isCaptureFile } from '../captures/importCaptures';

/**
 * Imports files as evidence: the one path for drag-and-drop, the Import button and the menu.
 * Progress shows in the task tray and can be cancelled there.
 */
export async function importEvidence(paths: string[]): Promise<void> {
  const app = useApp.getState();
  if (paths.length === 0) {
    app.showNotice({ title: 'Nothing to import', message: 'Only files from disk can be imported as evidence (not text or links dragged from a page).' });
    return;
  }
  // Web captures (WARC, WACZ, HAR, MHTML) are also parsed into records and pages.
  const captures = paths.filter(isCaptureFile);
  if (captures.length) {
    await importCaptures(captures);
    paths = paths.filter((p) => !isCaptureFile(p));
    if (paths.length === 0) return;
  }
  const label = paths.length === 1 ? `Importing ${paths[0]!.split(/[\\/]/).pop()}` : `Importing ${paths.length} files`;
  try {
    const result = await useTasks.getState().run(label, (taskId) => call('evidence.import', { paths, taskId }));
    app.changed(['evidence'], { rows: true });
    const first = result.items[0];
    if (first) {
      useSelection.getState().select('evidence', first.evidence.id);
      app.setView('evidence');
    }
    // One notice for both: a second would replace the first before it is read.
    const notes: string[] = result.items.flatMap((i) => i.warnings ?? []);
    const duplicates = result.items.filter((i) => i.duplicateOf);
    if (duplicates.length) {
      notes.push(`${duplicates.length} of ${result.items.length} file(s) have the same bytes as evidence already stored; the bytes are kept once and each import is recorded.`);
    }
    if (notes.length) app.showNotice({ title: duplicates.length && notes.length === 1 ? 'Some files were already in the case' : 'Check these files', message: notes.join('\n\n') });
  } catch (raw) {
    const error = toDossierError(raw);
    if (error.code !== 'CANCELLED') app.showNotice({ title: 'Import failed', message: error.message });
  }
}

/** File > Import Evidence…, the Import button: the native picker, then importEvidence. */
export async function chooseAndImportEvidence(): Promise<void> {
  const paths = await shellCall((s) => s.chooseEvidenceFiles({}));
  if (paths.length) await importEvidence(paths);
}

/** Drag-and-drop: the shell turns dropped File objects into paths (Electron: webUtils.getPathForFile). */
export function pathsOfDroppedFiles(files: FileList): string[] {
  return shell().pathsForFiles(Array.from(files));
}
