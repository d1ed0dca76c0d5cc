import { addRedaction } from '../redaction/addRedaction';
import { findExhibit } from '../redaction/findExhibit';
import { listRedactions } from '../redaction/listRedactions';
import { reviewRedaction } from '../redaction/reviewRedaction';
import { scanRedactions } from '../redaction/scanRedactions';
import { getCaseInfo } from '../case/caseInfo';
import type { HandlerMap } from './Handlers';

export const redactionHandlers: HandlerMap<'redact.scan' | 'redact.list' | 'redact.decide' | 'redact.add' | 'redact.referenceList' | 'redact.pageImage'> = {
  'redact.scan': async (req, s) => {
    const task = s.startTask(req.taskId);
    try {
      return await scanRedactions(s.caseFile, {
        ...(req.exhibits ? { evidenceIds: req.exhibits.map((ref) => findExhibit(s.caseFile, ref).id) } : {}),
        ...(req.optIn ? { optIn: req.optIn } : {}),
        onProgress: (done, total) => task.report({ phase: 'scanning exhibits', done, total, unit: 'items' }),
      });
    } finally {
      task.finish();
    }
  },
  'redact.list': (req, s) => listRedactions(s.caseFile, { ...(req.exhibit ? { exhibit: req.exhibit } : {}), ...(req.status ? { status: req.status } : {}) }),
  'redact.decide': (req, s) => reviewRedaction(s.caseFile, req.id, req.decision, req.reason ?? null),
  'redact.add': (req, s) =>
    addRedaction(s.caseFile, {
      exhibit: req.exhibit,
      ...(req.text !== undefined ? { text: req.text } : {}),
      ...(req.box ? { box: req.box } : {}),
      ...(req.page !== undefined ? { page: req.page } : {}),
      ...(req.category ? { category: req.category } : {}),
      ...(req.reason ? { reason: req.reason } : {}),
    }),
  // PDF and canvas libraries load on use: every CLI command goes through dispatch, few need them.
  'redact.pageImage': async (req, s) => (await import('../redaction/redactionPageImage')).redactionPageImage(s.caseFile, req.exhibit, req.page),
  'redact.referenceList': async (req, s) => {
    // A production's list names its exhibits' identifiers (the exhibits as it froze them).
    const exhibits = req.exhibits ?? (req.productionId ? (await import('../packet/productions')).loadProduction(s.caseFile, req.productionId).production.exhibitIds : undefined);
    return (await import('../redaction/writeReferenceList')).writeReferenceList(s.caseFile, req.outPath, {
      overwrite: req.overwrite ?? false,
      docket: getCaseInfo(s.caseFile).docket_number,
      ...(exhibits ? { exhibits } : {}),
    });
  },
};
