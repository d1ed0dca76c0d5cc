import { DossierError } from '../contract/errors';
import type { HandlerMap } from './Handlers';

// Interim: the evidence vault (import, verify, extract, preview) lands with the evidence issue.
const notYet = (): never => {
  throw new DossierError('INTERNAL', 'Evidence import is not available in this build yet.');
};

export const evidenceHandlers: HandlerMap<'evidence.import' | 'evidence.verify' | 'evidence.extract' | 'evidence.preview' | 'tasks.cancel'> = {
  'evidence.import': notYet,
  'evidence.verify': notYet,
  'evidence.extract': notYet,
  'evidence.preview': notYet,
  'tasks.cancel': (req, s) => {
    s.cancelTask(req.taskId);
    return null;
  },
};
