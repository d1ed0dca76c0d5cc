import { DossierError } from '../contract/errors';
import type { TaskProgress } from '../contract/events';
import { mergeCaseFile } from '../merge/mergeCaseFile';
import {
  createVaultIdentity,
  identityStatus,
  unlockVaultIdentity,
  vaultPublicIdentity,
  type IdentityVault,
} from '../share/identityVault';
import { readLocalCopy } from '../share/localCopy';
import { mergeShare } from '../merge/mergeShare';
import type { ReceiveKeys } from '../share/openVerifiedShare';
import { receiveShare } from '../share/receiveShare';
import { shareCase } from '../share/shareCase';
import { shareKind } from '../share/shareKind';
import { throttleProgress, type ShareProgress } from '../share/shareProgress';
import { addTeamMember, listTeamMembers, removeTeamMember } from '../share/teamRosterService';
import type { CaseSession } from './CaseSession';
import type { HandlerMap } from './Handlers';

type ShareChannels =
  | 'identity.status' | 'identity.create' | 'identity.publicLine'
  | 'roster.list' | 'roster.add' | 'roster.remove'
  | 'share.create' | 'share.receive' | 'case.merge';

export const shareHandlers: HandlerMap<ShareChannels> = {
  'identity.status': async (_req, s) =>
    s.identityVault
      ? identityStatus(s.identityVault)
      : { exists: false, protection: null, keychainAvailable: false, keychainBackend: null, identity: null },
  'identity.create': async (req, s) => {
    const vault = vaultOf(s);
    await createVaultIdentity(vault, req.name, req.passphrase !== undefined ? { passphrase: req.passphrase } : {});
    return identityStatus(vault);
  },
  'identity.publicLine': (_req, s) => vaultPublicIdentity(vaultOf(s)),
  'roster.list': (_req, s) => listTeamMembers(s.caseFile),
  'roster.add': (req, s) => addTeamMember(s.caseFile, req.identityLine, { role: req.role ?? null }),
  'roster.remove': (req, s) => {
    removeTeamMember(s.caseFile, req.fingerprint);
    return null;
  },
  'share.create': async (req, s) => {
    const caseFile = s.caseFile;
    const sender = await unlockVaultIdentity(vaultOf(s), secretOf(req.identityPassphrase));
    return withTask(s, req.taskId, (run) =>
      shareCase(caseFile, { sender, to: req.recipients, ...(req.passphrase !== undefined ? { passphrase: req.passphrase } : {}), ...(req.force ? { force: true } : {}) }, req.outPath, run),
    );
  },
  'share.receive': async (req, s) => {
    const keys = await receiveKeys(s, req.sharePath, req);
    const localCopy = req.localCasePath ? readLocalCopy(req.localCasePath) : undefined;
    return withTask(s, req.taskId, (run) =>
      receiveShare(req.sharePath, keys, req.outPath, { ...run, actor: s.actor, ...(localCopy ? { localCopy } : {}) }),
    );
  },
  'case.merge': async (req, s) => {
    const caseFile = s.caseFile;
    if ((await shareKind(req.otherPath)) === 'none') return mergeCaseFile(caseFile, req.otherPath);
    const keys = await receiveKeys(s, req.otherPath, req);
    return withTask(s, req.taskId, (run) => mergeShare(caseFile, req.otherPath, keys, run));
  },
};

function vaultOf(session: CaseSession): IdentityVault {
  if (!session.identityVault) {
    throw new DossierError('IDENTITY_NOT_FOUND', 'This window has no identity store, so it cannot sign or open shares.');
  }
  return session.identityVault;
}

function secretOf(passphrase: string | undefined): { passphrase?: string } {
  return passphrase !== undefined ? { passphrase } : {};
}

/**
 * The keys a share needs: the user's identity for shares sent to people, the passphrase for
 * passphrase shares (no identity unlock then: nothing to decrypt with it).
 */
async function receiveKeys(
  session: CaseSession,
  sharePath: string,
  req: { acceptSender?: string | undefined; passphrase?: string | undefined; identityPassphrase?: string | undefined },
): Promise<ReceiveKeys> {
  const kind = await shareKind(sharePath);
  if (kind === 'none') throw new DossierError('NOT_A_SHARE', `${sharePath} is not a Dossier share (not an age-encrypted file).`);
  const accept = req.acceptSender !== undefined ? { acceptSender: req.acceptSender } : {};
  if (kind === 'passphrase') {
    if (req.passphrase === undefined) throw new DossierError('PASSPHRASE_REQUIRED', 'This share is protected by a passphrase: enter it.');
    return { passphrase: req.passphrase, ...accept };
  }
  return { identity: await unlockVaultIdentity(vaultOf(session), secretOf(req.identityPassphrase)), ...accept };
}

/** Runs long share work as a cancellable task whose progress goes to the UI (bytes). */
async function withTask<T>(
  session: CaseSession,
  taskId: string | undefined,
  work: (run: { signal: AbortSignal; onProgress: (p: ShareProgress) => void }) => Promise<T>,
): Promise<T> {
  const task = session.startTask(taskId);
  try {
    return await work({
      signal: task.signal,
      onProgress: throttleProgress((p) => task.report({ phase: p.stage, done: p.done, total: p.total, unit: 'bytes' } satisfies Omit<TaskProgress, 'taskId'>)),
    });
  } finally {
    task.finish();
  }
}
