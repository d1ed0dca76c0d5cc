import { appendixOutline, iterateAppendix } from '../websites/appendix';
import { writeAppendixCsv } from '../websites/appendixCsv';
import { appendixHeading } from '../websites/appendixHeading';
import { foldRegistrableDomains } from '../websites/foldRegistrableDomains';
import { importSiteList } from '../websites/importSiteList';
import { rollbackSiteImport } from '../websites/rollbackSiteImport';
import type { HandlerMap } from './Handlers';

export const websiteHandlers: HandlerMap<'websites.import' | 'websites.importRollback' | 'websites.appendix' | 'websites.appendixCsv'> = {
  'websites.import': async (req, session) => {
    const task = session.startTask(req.taskId);
    try {
      return await importSiteList(session.caseFile, req.path, {
        ...(req.map ? { map: req.map } : {}),
        ...(req.format ? { format: req.format } : {}),
        ...(req.header !== undefined ? { header: req.header } : {}),
        ...(req.orderId ? { orderId: req.orderId } : {}),
        ...(req.resume ? { resume: true } : {}),
        ...(req.batchRows !== undefined ? { batchSize: req.batchRows } : {}),
        signal: task.signal,
        onProgress: (done, total) => task.report({ phase: 'Importing websites', done, total, unit: 'bytes' }),
      });
    } finally {
      task.finish();
    }
  },
  'websites.importRollback': (req, session) => rollbackSiteImport(session.caseFile, req.importId),
  'websites.appendix': (req, session) => {
    const limit = req.limit ?? 5000;
    const rows = [];
    let truncated = false;
    for (const row of iterateAppendix(session.caseFile, req.orderId)) {
      if (rows.length >= limit) {
        truncated = true;
        break;
      }
      rows.push(row);
    }
    // The first entries as the packet prints them (one per registrable domain), for the order pane.
    const domains = [];
    for (const entry of foldRegistrableDomains(iterateAppendix(session.caseFile, req.orderId))) {
      if (domains.length >= limit) break;
      domains.push(entry);
    }
    const heading = appendixHeading(session.caseFile, req.orderId);
    const registryContacts: Record<string, string> = {};
    for (const registry of new Set(domains.map((d) => d.registry))) {
      const contact = heading.registryContact(registry);
      if (contact) registryContacts[registry] = contact;
    }
    return { outline: appendixOutline(session.caseFile, req.orderId), rows, truncated, heading: heading.heading, domains, registryContacts };
  },
  'websites.appendixCsv': (req, session) => writeAppendixCsv(session.caseFile, req.orderId, req.outPath, { columns: req.columns ?? false }),
};
