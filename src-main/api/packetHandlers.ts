import { casePacketInput } from '../packet/casePacketInput';
import { checkPacket } from '../packet/checkPacket';
import { COURT_PROFILES } from '../packet/courtProfiles';
import { exportCasePacket } from '../packet/exportCasePacket';
import type { HandlerMap } from './Handlers';

export const packetHandlers: HandlerMap<'packet.profiles' | 'packet.check' | 'packet.export'> = {
  'packet.profiles': () => COURT_PROFILES.map((p) => ({ name: p.name, description: p.description })),
  'packet.check': async ({ options }, session) => checkPacket(await casePacketInput(session.caseFile, options)),
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
