import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { custodyOrder } from '../contract/custodyOrder';
import { DossierError } from '../contract/errors';
import type { CustodyEvent, Evidence } from '../contract/records';
import { type CustodyCreate, custodyCreateSchema } from '../contract/schemas';
import { validate } from '../contract/validate';
import { getEvidence } from './evidenceService';

/** The hash of the exhibit's a hash seen is compared with, by its length (hex digits). */
const HASH_BY_LENGTH = { 64: 'sha256', 40: 'sha1', 32: 'md5' } as const;

/**
 * What a hash seen at a custody event shows: `ok` when it is the exhibit's recorded hash of that
 * algorithm, `mismatch` when it is not, null when nothing was seen or nothing is recorded to
 * compare with. A hash of no known length is refused: it cannot be checked.
 */
function judgeHashSeen(exhibit: Evidence, hashSeen: string | null): 'ok' | 'mismatch' | null {
  if (!hashSeen) return null;
  const known = HASH_BY_LENGTH[hashSeen.length as keyof typeof HASH_BY_LENGTH];
  if (!known) {
    throw new DossierError('INVALID_REQUEST', `The hash seen has ${hashSeen.length} hex digits: give the exhibit's SHA-256 (64), SHA-1 (40) or MD5 (32) as it was checked.`);
  }
  const recorded = exhibit[known];
  if (!recorded) return null;
  return recorded.toLowerCase() === hashSeen ? 'ok' : 'mismatch';
}

/**
 * The result stored: a hash seen that differs from the exhibit's is a mismatch whatever the caller
 * said; a caller's own non-ok result (a verification that failed) stands; with no hash checked and
 * no result given nothing was checked, so the result is `n/a`, never `ok`.
 */
function storedResult(given: CustodyEvent['result'] | undefined, judged: 'ok' | 'mismatch' | null): CustodyEvent['result'] {
  if (judged === 'mismatch') return given === 'failed' ? 'failed' : 'mismatch';
  return given ?? judged ?? 'n/a';
}

/** When the exhibit was acquired: its acquisition event (sealed at import), else its acquisition field. */
function acquisitionTime(caseFile: CaseFile, exhibit: Evidence): string | null {
  const event = prepareCached(caseFile.db, "SELECT min(at) FROM custody_event WHERE evidence_id = ? AND action = 'acquired'").pluck().get(exhibit.id) as string | null;
  return event ?? exhibit.acquired_at ?? null;
}

/** `at` is before `than`; a calendar date (YYYY-MM-DD) on either side compares by day, so the acquisition's own day is not before it. */
function isBefore(at: string, than: string): boolean {
  if (at.length === 10 || than.length === 10) return at.slice(0, 10) < than.slice(0, 10);
  return Date.parse(at) < Date.parse(than);
}

/**
 * Appends a chain-of-custody event. Events are never edited or removed (triggers refuse it); a
 * correction is a new event that says so. A hash seen is compared with the exhibit's recorded hash
 * (a difference is recorded as a mismatch), and an event dated before the exhibit's acquisition
 * is refused: nobody handled it before it was obtained.
 */
export function addCustodyEvent(caseFile: CaseFile, input: CustodyCreate): CustodyEvent {
  const fields = validate(custodyCreateSchema, input, 'custody event');
  return writeTransaction(caseFile, () => {
    const exhibit = getEvidence(caseFile, fields.evidence_id, { includeDeleted: true });
    const hashSeen = fields.hash_seen?.toLowerCase() ?? null;
    const result = storedResult(fields.result, judgeHashSeen(exhibit, hashSeen));
    const acquired = fields.action === 'acquired' ? null : acquisitionTime(caseFile, exhibit);
    if (fields.at && acquired && isBefore(fields.at, acquired)) {
      throw new DossierError(
        'INVALID_REQUEST',
        fields.at.length === 10 && acquired.length > 10
          ? // A day has no zone and the acquisition keeps none either: days are compared in UTC, so
            // an evening hand-over west of UTC is given with its time and zone instead.
            `The custody date ${fields.at} is before ${exhibit.exhibit_label} was acquired (${acquired}, ${acquired.slice(0, 10)} in UTC; a day alone is compared in UTC): nobody could hold it then. Check the date: it must be on or after ${acquired.slice(0, 10)}, or given with its time and zone (e.g. ${fields.at}T23:45:00-05:00).`
          : `The custody date ${fields.at} is before ${exhibit.exhibit_label} was acquired (${acquired}): nobody could hold it then. Check the date; it must be on or after ${fields.at.length === 10 ? acquired.slice(0, 10) : acquired}.`,
        { field: 'at' },
      );
    }
    // A day alone on the acquisition's day ("some time that day") is accepted as the day it is:
    // stored without a time, and listed after the acquisition (custodyOrder).
    const now = nowIso();
    const event: CustodyEvent = {
      id: newId(),
      evidence_id: fields.evidence_id,
      at: fields.at ?? now,
      actor: caseFile.actor.name,
      action: fields.action,
      // A hand-over names who handed it over; unsaid, it is the one recording it (custody transfer --from: "default: you").
      from_party: fields.from_party ?? (fields.action === 'transferred' ? caseFile.actor.name.slice(0, 300) : null),
      to_party: fields.to_party ?? null,
      location: fields.location ?? null,
      purpose: fields.purpose ?? null,
      hash_seen: hashSeen,
      result,
      details: fields.details ?? null,
      created_at: now,
      created_by: caseFile.actor.name,
      hlc: caseFile.clock.tick(),
    };
    prepareCached(
      caseFile.db,
      `INSERT INTO custody_event (id, evidence_id, at, actor, action, from_party, to_party, location, purpose, hash_seen,
        result, details, created_at, created_by, hlc)
       VALUES (@id, @evidence_id, @at, @actor, @action, @from_party, @to_party, @location, @purpose, @hash_seen,
        @result, @details, @created_at, @created_by, @hlc)`,
    ).run(event);
    appendAudit(caseFile, {
      action: `custody.${event.action}`,
      recordKind: 'evidence',
      recordId: event.evidence_id,
      detail: { custody_event: event.id, result: event.result, hash_seen: event.hash_seen },
      // Custody is chained too: the event's own row is sealed with the exhibit's.
      seal: [{ table: 'custody_event', id: event.id }],
    });
    return event;
  });
}

/** An exhibit's custody history, oldest first (custodyOrder: a day alone on the acquisition's day after the acquisition). */
export function listCustody(caseFile: CaseFile, evidenceId: string): CustodyEvent[] {
  return custodyOrder(prepareCached(caseFile.db, 'SELECT * FROM custody_event WHERE evidence_id = ? ORDER BY at, id').all(evidenceId) as CustodyEvent[]);
}
