import { casePacketInput } from '../packet/casePacketInput';
import { caseCheckProblems } from '../packet/caseCheckProblems';
import { checkFiling } from '../packet/checkFiling';
import { formatBates } from '../packet/formatBates';
import { listProductions } from '../packet/productions';
import { getFilingCaption, updateFilingCaption } from '../packet/filingCaption';
import type { FilingCaption } from '../contract/filingCaption';
import { COURT_PROFILES } from '../packet/courtProfiles';
import { exportCasePacket } from '../packet/exportCasePacket';
import type { HandlerMap } from './Handlers';

export const packetHandlers: HandlerMap<'packet.profiles' | 'packet.check' | 'packet.export' | 'packet.productions' | 'caption.get' | 'caption.update'> = {
  'packet.profiles': () => COURT_PROFILES.map((p) => ({ name: p.name, description: p.description })),
  // The same rules export refuses on: `dossier check` of the case, then checkFiling (a production
  // re-export is not checked again). The dialogs run the case check on their own (caseCheck: false).
  'packet.check': async ({ options, caseCheck }, session) => [
    ...(caseCheck === false ? [] : await caseCheckProblems(session.caseFile)),
    ...(await checkFiling(session.caseFile, await casePacketInput(session.caseFile, options))),
  ],
  'caption.get': (_req, session) => getFilingCaption(session.caseFile),
  'caption.update': ({ patch }, session) => updateFilingCaption(session.caseFile, patch as Partial<FilingCaption>),
  'packet.productions': (_req, session) =>
    listProductions(session.caseFile).map((p) => ({
      id: p.id, createdAt: p.createdAt, createdBy: p.createdBy, cutoffAt: p.cutoffAt, draft: p.draft, exhibitIds: p.exhibitIds, forced: p.forced,
      batesFirst: formatBates({ prefix: p.batesPrefix, padding: p.batesPadding }, p.batesFirst),
      batesLast: formatBates({ prefix: p.batesPrefix, padding: p.batesPadding }, p.batesLast),
    })),
  'packet.export': async ({ outPath, options, taskId, overwrite, force }, session) => {
    const task = session.startTask(taskId);
    try {
      const result = await exportCasePacket(session.caseFile, outPath, options, {
        signal: task.signal,
        overwrite: overwrite ?? false,
        force: force ?? false,
        onProgress: (p) => task.report({ phase: `Packet: ${p.phase}`, done: p.pagesDone, total: p.pagesTotalEstimate, unit: 'pages' }),
      });
      return {
        packetId: result.packetId,
        productionId: result.productionId,
        totalPages: result.totalPages,
        pdfA: result.pdfA,
        volumes: result.volumes.map((v) => ({ path: v.path, pages: v.pages, bytes: v.bytes, sha256: v.sha256 })),
        exhibits: result.exhibits.map((e) => ({ evidenceId: e.exhibitId, label: e.label, batesFirst: e.batesFirstLabel, batesLast: e.batesLastLabel, rendering: e.rendering })),
        warnings: result.warnings.map((w) => w.message),
      };
    } finally {
      task.finish();
    }
  },
};
