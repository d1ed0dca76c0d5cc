import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { registeredHead } from '../casefile/chainRegister';
import { settledChain } from '../casefile/openCaseFile';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { MergeConflict } from '../contract/MergeReport';
import { normalizeFingerprint } from './publicIdentity';

/*
 * A teammate who arrives in the roster by a merge (a plain copy or a share from someone else) is
 * not trusted until the user confirms their fingerprint here, as for an unknown sender: whoever
 * sends a copy could otherwise add their own key and be trusted silently. The state lives in the
 * audit log ('roster.pending' when a merge brings a key, 'roster.trust' when the user confirms),
 * which is append-only and chained, so a trust cannot be granted by editing a table.
 *
 * Only the owner of a copy decides whom it trusts. Every entry of a teammate's copy arrives here
 * with a merge, and that copy is theirs to write: a 'roster.trust' written there (or a chain named
 * like ours) must not confirm a key here. Our own decisions are the entries on the audit chains
 * this computer wrote, told by the register of chain heads kept outside the case file
 * (casefile/chainRegister: an entry at or before the registered head, whose hash there matches,
 * is ours, since the chain is hashed), plus those this open session writes. A key we decided on
 * follows our last decision (adding it ourselves is one); a key we never decided on (it was in the
 * copy we received) is pending when anyone's merge held it, whoever later said they confirmed it.
 */

/** Entries that decide whether a key is trusted: who added it, held it at a merge, confirmed it. */
const DECISIONS = ['team_member.create', 'roster.pending', 'roster.trust'] as const;

/** Live roster fingerprints, before a merge changes them. */
export function liveFingerprints(db: Database.Database): Set<string> {
  return new Set(db.prepare('SELECT fingerprint FROM team_member WHERE deleted_at IS NULL').pluck().all() as string[]);
}

/**
 * Fingerprints waiting for the user's confirmation. `sessionChain` is the chain this open case
 * file writes under (its entries are ours though not registered until it closes), if any.
 */
export function pendingFingerprints(db: Database.Database, sessionChain: string | null = null): Set<string> {
  const rows = db
    .prepare(
      `SELECT chain, seq, action, json_extract(detail, '$.fingerprint') AS fingerprint FROM audit_entry
       WHERE action IN (${DECISIONS.map(() => '?').join(', ')}) ORDER BY at, chain, seq`,
    )
    .all(...DECISIONS) as { chain: string; seq: number; action: string; fingerprint: string | null }[];
  const isOurs = ownEntries(db, sessionChain);
  const ourLast = new Map<string, string>();
  const heldByAnyone = new Set<string>();
  for (const r of rows) {
    if (!r.fingerprint) continue;
    if (isOurs(r.chain, r.seq)) ourLast.set(r.fingerprint, r.action);
    else if (r.action === 'roster.pending') heldByAnyone.add(r.fingerprint);
  }
  const pending = new Set<string>();
  for (const fingerprint of new Set([...ourLast.keys(), ...heldByAnyone])) {
    const ours = ourLast.get(fingerprint);
    if (ours === undefined ? heldByAnyone.has(fingerprint) : ours === 'roster.pending') pending.add(fingerprint);
  }
  return pending;
}

/** Tells the entries this computer wrote (see the note at the top) from all others. */
function ownEntries(db: Database.Database, sessionChain: string | null): (chain: string, seq: number) => boolean {
  const limits = new Map<string, number>();
  const hashAt = db.prepare('SELECT hash FROM audit_entry WHERE chain = ? AND seq = ?').pluck();
  return (chain, seq) => {
    if (chain === sessionChain) return true;
    let limit = limits.get(chain);
    if (limit === undefined) {
      const head = registeredHead(chain);
      limit = head && hashAt.get(chain, head.seq) === head.hash ? head.seq : 0;
      limits.set(chain, limit);
    }
    return seq <= limit;
  };
}

/** A roster key named in what a merge or a receipt tells the user. */
export interface RosterKeyRef {
  name: string;
  fingerprint: string;
}

/**
 * Inside a write transaction: every live key not in `known` is marked pending ('roster.pending',
 * with where it came from) and returned. A merge passes the keys live before it; a receipt
 * against a local copy (`receive --case`) passes the keys that copy trusts: either way a key
 * the user never confirmed is not trusted because someone else's copy listed it.
 */
export function holdRosterKeysNotIn(target: CaseFile, known: ReadonlySet<string>, from: string): (RosterKeyRef & { id: string; hlc: string })[] {
  const rows = target.db.prepare('SELECT id, name, fingerprint, hlc FROM team_member WHERE deleted_at IS NULL ORDER BY name, id').all() as { id: string; name: string; fingerprint: string; hlc: string }[];
  const held = rows.filter((row) => !known.has(row.fingerprint));
  for (const row of held) appendAudit(target, { action: 'roster.pending', recordKind: 'team_member', recordId: row.id, detail: { fingerprint: row.fingerprint, from } });
  return held;
}

/**
 * Called inside the merge transaction: every key live now that was not live before the merge is
 * marked pending and reported as a conflict to confirm.
 */
export function holdMergedRosterKeys(target: CaseFile, before: Set<string>, from: string): MergeConflict[] {
  return holdRosterKeysNotIn(target, before, from).map((row) => ({
    kind: 'roster_unconfirmed',
    table: 'team_member',
    record_id: row.id,
    kept_hlc: row.hlc,
    superseded_hlc: null,
    message: `${row.name} (${row.fingerprint}) came into the team roster with the merge and is not trusted yet. Compare the fingerprint with them, then run: dossier roster trust ${target.path} ${row.fingerprint}`,
  }));
}

/**
 * Keys live before a merge (`before`, liveFingerprints) that it removed: the other copy's
 * tombstone won. Not held like an arriving key: a removal takes trust away (a teammate may have
 * removed a lost or compromised key, which must stop being trusted at once), so it applies and
 * is announced; whoever disagrees compares the fingerprint and adds the key again.
 */
export function removedRosterKeys(db: Database.Database, before: ReadonlySet<string>): RosterKeyRef[] {
  const live = liveFingerprints(db);
  const nameOf = db.prepare('SELECT name FROM team_member WHERE fingerprint = ? ORDER BY deleted_at DESC LIMIT 1').pluck();
  return [...before]
    .filter((fingerprint) => !live.has(fingerprint))
    .map((fingerprint) => ({ name: nameOf.get(fingerprint) as string, fingerprint }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.fingerprint.localeCompare(b.fingerprint));
}

/** The user confirms a teammate who arrived by merge: from now on their shares are accepted. */
export function trustTeamMember(caseFile: CaseFile, fingerprint: string): { fingerprint: string; name: string } {
  const wanted = normalizeFingerprint(fingerprint);
  return writeTransaction(caseFile, () => {
    const row = caseFile.db.prepare('SELECT id, name FROM team_member WHERE fingerprint = ? AND deleted_at IS NULL').get(wanted) as { id: string; name: string } | undefined;
    if (!row) throw new DossierError('NOT_FOUND', `No teammate with key ${wanted} in this case's roster.`, { fingerprint: wanted });
    if (!pendingFingerprints(caseFile.db, settledChain(caseFile)).has(wanted)) {
      throw new DossierError('INVALID_REQUEST', `${row.name} (${wanted}) is already trusted; nothing to confirm.`, { fingerprint: wanted });
    }
    appendAudit(caseFile, { action: 'roster.trust', recordKind: 'team_member', recordId: row.id, detail: { fingerprint: wanted } });
    return { fingerprint: wanted, name: row.name };
  });
}
