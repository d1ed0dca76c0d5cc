import { DossierError } from '../contract/errors';
import { serializeCheckpoint, takeCheckpoint, verifyAgainstCheckpoint } from '../integrity/auditCheckpoint';
import { caseHealth } from '../integrity/caseHealth';
import { checkCaseFile } from '../integrity/checkCaseFile';
import { readCheckpoint } from '../integrity/readCheckpoint';
import { writeOutputFileSync } from '../outputs/writeOutputFile';
import { unlockVaultIdentity } from '../share/identityVault';
import { trustTeamMember } from '../share/rosterTrust';
import type { HandlerMap } from './Handlers';

export const integrityHandlers: HandlerMap<'case.check' | 'case.health' | 'audit.checkpoint' | 'audit.verifyAgainst' | 'roster.trust'> = {
  'case.check': async (req, s) => {
    const task = s.startTask(req.taskId);
    try {
      return await checkCaseFile(s.caseFile, { signal: task.signal, onProgress: (p) => task.report(p) });
    } finally {
      task.finish();
    }
  },
  'case.health': (_req, s) => caseHealth(s.caseFile.db),
  'audit.checkpoint': async (req, s) => {
    if (!s.identityVault) throw new DossierError('IDENTITY_NOT_FOUND', 'This window has no identity store, so it cannot sign a checkpoint.');
    const signer = await unlockVaultIdentity(s.identityVault, req.identityPassphrase !== undefined ? { passphrase: req.identityPassphrase } : {});
    const signed = takeCheckpoint(s.caseFile.db, signer, 'on request');
    if (!req.outPath) return { path: null, signed };
    const written = writeOutputFileSync(req.outPath, { caseFile: s.caseFile }, (sink) => sink.write(Buffer.from(serializeCheckpoint(signed), 'utf8')));
    return { path: written.path, signed };
  },
  'audit.verifyAgainst': (req, s) => verifyAgainstCheckpoint(s.caseFile.db, readCheckpoint(req.artefactPath), req.artefactPath),
  'roster.trust': (req, s) => trustTeamMember(s.caseFile, req.fingerprint),
};
