import { call, toDossierError } from '../../api';
import { useApp } from '../app/appStore';
import { useSelection } from '../items/itemStores';
import { useTasks } from '../../data/tasksStore';

/** File names imported as web captures (parsed into records and pages) rather than as plain exhibits. */
export function isCaptureFile(path: string): boolean {
  return /\.(warc|warc\.gz|wacz|har|mhtml|mht)$/i.test(path);
}

/**
 * Imports web captures one by one: each is stored as an exhibit and parsed; an incomplete capture
 * (truncated, damaged, hashes not matching its datapackage) is said so, never shown as complete.
 */
export async function importCaptures(paths: string[]): Promise<void> {
  const app = useApp.getState();
  for (const path of paths) {
    const name = path.split(/[\\/]/).pop() ?? path;
    try {
      const result = await useTasks.getState().run(`Importing capture ${name}`, (taskId) => call('captures.import', { path, taskId }));
      app.changed(['evidence', 'website', 'links'], { rows: true });
      useSelection.getState().select('evidence', result.evidence_id);
      app.setView('evidence');
      const { capture } = result;
      if (capture.import_status !== 'complete' || capture.problems.length > 0) {
        app.showNotice({
          title: capture.import_status === 'complete' ? `${name}: digest problems` : `${name} was only partly read`,
          message: `${capture.record_count} records and ${capture.page_count} pages were imported. ${capture.problems.slice(0, 3).map((p) => p.message).join(' ')}${capture.problems.length > 3 ? ` … and ${capture.problems.length - 3} more.` : ''}`,
        });
      }
    } catch (raw) {
      const error = toDossierError(raw);
      const existing = error.code === 'ALREADY_EXISTS' ? error.details?.evidence_id : undefined;
      if (typeof existing === 'string') {
        // The same bytes are already a capture exhibit: show that one instead of a second copy.
        useSelection.getState().select('evidence', existing);
        app.setView('evidence');
        app.showNotice({ title: `${name} is already in this case`, message: `${error.message.split('; nothing was imported.')[0]}. It was not imported again; that exhibit is selected.` });
      } else if (error.code !== 'CANCELLED') app.showNotice({ title: `Import of ${name} failed`, message: error.message });
    }
  }
}
