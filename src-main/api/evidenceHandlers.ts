import type { EvidenceTaskHooks } from '../evidence/EvidenceTaskHooks';
import { extractEvidence } from '../evidence/extractEvidence';
import { importEvidence } from '../evidence/importEvidence';
import { previewEvidenceWithEmail } from '../evidence/previewEvidence';
import { verifyEvidenceWithCaptures } from '../captures/verifyEvidenceWithCaptures';
import type { CaseSession } from './CaseSession';
import type { HandlerMap } from './Handlers';

/** Runs long evidence work as a task the UI can follow (progress events) and cancel (tasks.cancel). */
async function asTask<T>(
  session: CaseSession,
  taskId: string | undefined,
  work: (hooks: EvidenceTaskHooks) => Promise<T>,
): Promise<T> {
  const task = session.startTask(taskId);
  try {
    return await work({ onProgress: task.report, signal: task.signal });
  } finally {
    task.finish();
  }
}

export const evidenceHandlers: HandlerMap<'evidence.import' | 'evidence.verify' | 'evidence.extract' | 'evidence.preview' | 'tasks.cancel'> = {
  'evidence.import': ({ paths, taskId, ...options }, s) => {
    const caseFile = s.caseFile;
    return asTask(s, taskId, (hooks) => importEvidence(caseFile, paths, options, hooks));
  },
  'evidence.verify': ({ id, taskId }, s) => {
    const caseFile = s.caseFile;
    return asTask(s, taskId, (hooks) => verifyEvidenceWithCaptures(caseFile, id, hooks));
  },
  'evidence.extract': (req, s) => extractEvidence(s.caseFile, req.id, req.outPath, { overwrite: req.overwrite ?? false, ...(req.purpose ? { purpose: req.purpose } : {}) }),
  'evidence.preview': (req, s) => previewEvidenceWithEmail(s.caseFile, req.id, req.maxBytes),
  'tasks.cancel': (req, s) => {
    s.cancelTask(req.taskId);
    return null;
  },
};
