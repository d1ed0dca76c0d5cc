import { renumberExhibit } from '../evidence/renumberExhibit';
import { listConflicts } from '../merge/listConflicts';
import { resolveConflict } from '../merge/resolveConflict';
import type { HandlerMap } from './Handlers';

/** Merge conflicts kept for review, and exhibit renumbering (issue 17). */
export const conflictHandlers: HandlerMap<'conflicts.list' | 'conflicts.resolve' | 'evidence.renumber'> = {
  'conflicts.list': (req, s) => listConflicts(s.caseFile, { includeResolved: req.includeResolved ?? false }),
  'conflicts.resolve': (req, s) => resolveConflict(s.caseFile, req.id, req.keep),
  'evidence.renumber': (req, s) => renumberExhibit(s.caseFile, req.id, req.exhibitNumber),
};
