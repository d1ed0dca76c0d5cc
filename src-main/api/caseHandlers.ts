import { createCase, updateCaseInfo } from '../case/caseInfo';
import { caseSummary } from '../case/caseSummary';
import path from 'node:path';
import { openCaseFile } from '../casefile/openCaseFile';
import { sweepStaleWorkDirs } from '../share/privateWorkDir';
import type { HandlerMap } from './Handlers';

export const caseHandlers: HandlerMap<'case.create' | 'case.open' | 'case.close' | 'case.summary' | 'case.update'> = {
  'case.create': (req, session) => {
    session.replace(createCase(req.path, req.case, session.actor));
    return caseSummary(session.caseFile);
  },
  'case.open': (req, session) => {
    session.replace(openCaseFile(req.path, { actor: session.actor, readonly: req.readOnly ?? false }));
    // A share killed midway (kill -9, power cut) left a plain-text snapshot beside the case: gone
    // when the case is next opened to work on. A read-only open leaves the folder as it is.
    if (!session.caseFile.db.readonly) sweepStaleWorkDirs(path.dirname(session.caseFile.path));
    return caseSummary(session.caseFile);
  },
  'case.close': (_req, session) => {
    session.close();
    return null;
  },
  'case.summary': (_req, session) => (session.isOpen ? caseSummary(session.caseFile) : null),
  'case.update': (req, session) => updateCaseInfo(session.caseFile, req.patch, req.expectedHlc),
};
