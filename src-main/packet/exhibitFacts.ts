import { custodyOrder } from '../contract/custodyOrder';
import { captureDigestStatement } from './captureDigestStatement';
import { formatLongDateStated } from './formatText';
import type { CustodyEventInput, ExhibitInput } from './PacketInput';

/** ExhibitInput.source of an exhibit whose record names no URL, person or device. */
export const SOURCE_NOT_RECORDED = 'Not recorded';

/**
 * A computer account rather than a person: the actor recorded when nobody set a name (`root`,
 * `jdoe`, the OS login Dossier falls back to). A declaration never presents one as a person.
 */
export function isAccountName(name: string | null | undefined): boolean {
  return !name || /^[a-z_][a-z0-9_.$-]*$/.test(name.trim());
}

/** The person named, or null when the record holds only a computer account. */
export function personOrNull(name: string | null | undefined): string | null {
  return name && !isAccountName(name) ? name.trim() : null;
}

/** The first custody event of an action, by time (the acquisition, the import). */
export function first(events: CustodyEventInput[], action: string): CustodyEventInput | undefined {
  return custodyOrder(events).find((e) => e.action === action);
}

/**
 * What the case file proves about an exhibit's hash: either it matches a hash recorded at
 * acquisition (`evidence add --acquired-sha256`, recorded as the acquisition event's hash), or it
 * was first computed when the file was imported. A web capture tool's digests cover the capture's
 * records, not the file, so they are stated beside this (captureDigestStatement), never as it.
 */
export type HashProvenance =
  | { kind: 'acquisition'; at: string; by: string | null }
  | { kind: 'import'; at: string | null; by: string | null; acquiredAt: string | null; acquiredBy: string | null };

export function hashProvenance(ex: ExhibitInput): HashProvenance {
  const acquired = first(ex.custody, 'acquired');
  const imported = first(ex.custody, 'imported');
  // One source for the acquisition: its custody event, sealed at import. The exhibit's fields may
  // have been edited since (custodyProblems names any contradiction); a date from one and a name
  // from the other would pair facts no record pairs.
  const acquiredBy = personOrNull(acquired?.toParty ?? null);
  if (acquired?.hashSeen && acquired.hashSeen === ex.sha256) return { kind: 'acquisition', at: acquired.at, by: acquiredBy };
  return { kind: 'import', at: imported?.at ?? null, by: personOrNull(imported?.actor), acquiredAt: acquired?.at ?? null, acquiredBy };
}

/** One sentence for the declaration: where the listed SHA-256 comes from, in the case file's own terms. */
export function hashStatement(ex: ExhibitInput): string {
  const p = hashProvenance(ex);
  const stated = ex.datesStateZone === true;
  const name = `${ex.label}, “${ex.title}”`;
  // A web capture's own digests cover its records, not the file: stated beside the file's hash, never as an acquisition hash.
  const capture = ex.captureDigests ? ` ${captureDigestStatement(ex.captureDigests, stated)}` : '';
  if (p.kind === 'acquisition') {
    return `${name}: the SHA-256 value listed matches the hash recorded at acquisition on ${formatLongDateStated(p.at, stated)}${p.by ? ` by ${p.by}` : ''}.${capture}`;
  }
  const imported = p.at ? `computed when the file was imported into the case on ${formatLongDateStated(p.at, stated)}${p.by ? ` by ${p.by}` : ''}` : 'computed when the file was stored in the case (no import event is recorded)';
  const beyond = capture && ex.captureDigests!.matched > 0 ? ', beyond what the capture tool’s digests stated next show' : '';
  const gap = p.acquiredAt
    ? ` No hash was recorded when it was obtained on ${formatLongDateStated(p.acquiredAt, stated)}${p.acquiredBy ? ` by ${p.acquiredBy}` : ''}, so the case file cannot show that the data is unchanged between then and the import${beyond}.`
    : ' The case file records no acquisition before the import.';
  return `${name}: the SHA-256 value listed was ${imported}.${gap}${capture}`;
}

/**
 * An event's result as its hash seen shows it: a hash seen that is not the exhibit's (compared by
 * length: SHA-256, SHA-1, MD5) is a mismatch even where the event was stored as "ok" (events
 * recorded before custody compared them, or merged from such a copy). `recorded` is the stored
 * result when it says otherwise, so the packet can say both.
 */
export function custodyResult(ex: Pick<ExhibitInput, 'sha256' | 'sha1' | 'md5'>, e: CustodyEventInput): { result: string | null; recorded?: string } {
  const stored = e.result ?? null;
  const seen = e.hashSeen?.toLowerCase();
  const own = seen ? ({ 64: ex.sha256, 40: ex.sha1, 32: ex.md5 } as Record<number, string | undefined>)[seen.length] : undefined;
  if (seen && own && own.toLowerCase() !== seen && (stored === 'ok' || stored === 'n/a' || stored === null)) {
    return { result: 'mismatch', ...(stored ? { recorded: stored } : {}) };
  }
  return { result: stored };
}

/**
 * Custody facts a court would want said, not hidden: verifications that failed, and no person
 * recorded at import. One sentence per kind of gap, naming every exhibit it concerns.
 */
export function custodyGaps(exhibits: ExhibitInput[]): string[] {
  const gaps: string[] = [];
  for (const ex of exhibits) {
    for (const e of ex.custody) {
      const { result, recorded } = custodyResult(ex, e);
      if (result === 'mismatch' || result === 'failed') {
        const seen = result === 'mismatch' && e.hashSeen ? `: the hash seen then, ${e.hashSeen}, is not the exhibit’s` : '';
        const said = recorded ? `was recorded with the result “${recorded}”, but the hash seen then, ${e.hashSeen}, is not the exhibit’s` : `recorded the result “${result}”${seen}`;
        gaps.push(`For ${ex.label}, a ${e.action} event on ${formatLongDateStated(e.at, ex.datesStateZone === true)} ${said}.`);
      }
    }
  }
  const byAccount = exhibits.filter((ex) => {
    const imported = first(ex.custody, 'imported');
    return imported && !personOrNull(imported.actor);
  });
  if (byAccount.length) {
    gaps.push(`For ${listLabels(byAccount.map((ex) => ex.label))}, the case file records a computer account, not a person, as having imported ${byAccount.length === 1 ? 'it' : 'them'}.`);
  }
  return gaps;
}

/** "Exhibit 1", "Exhibits 1 and 2", "Exhibits 1, 2 and 4" (labels of the form "Exhibit N" are shortened). */
export function listLabels(labels: string[]): string {
  const short = labels.every((l) => /^Exhibit \S+$/.test(l)) ? labels.map((l) => l.slice(8)) : labels;
  const joined = short.length <= 1 ? (short[0] ?? '') : `${short.slice(0, -1).join(', ')} and ${short[short.length - 1]}`;
  return short === labels ? joined : `${labels.length === 1 ? 'Exhibit' : 'Exhibits'} ${joined}`;
}
