import { appendAudit } from '../audit/appendAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import type { CustodyEvent } from '../contract/records';
import { type CustodyCreate, custodyCreateSchema } from '../contract/schemas';
import { validate } from '../contract/validate';
import { getEvidence } from './evidenceService';

/**
 * Appends a chain-of-custody event. Events are never edited or removed (triggers refuse it); a
 * correction is a new event that says so.
 */
export function addCustodyEvent(caseFile: CaseFile, input: CustodyCreate): CustodyEvent {
  const fields = validate(custodyCreateSchema, input, 'custody event');
  return writeTransaction(caseFile, () => {
    getEvidence(caseFile, fields.evidence_id, { includeDeleted: true });
    const now = nowIso();
    const event: CustodyEvent = {
      id: newId(),
      evidence_id: fields.evidence_id,
      at: fields.at ?? now,
      actor: caseFile.actor.name,
      action: fields.action,
      from_party: fields.from_party ?? null,
      to_party: fields.to_party ?? null,
      location: fields.location ?? null,
      purpose: fields.purpose ?? null,
      hash_seen: fields.hash_seen?.toLowerCase() ?? null,
      result: fields.result ?? 'ok',
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

/** An exhibit's custody history, oldest first. */
export function listCustody(caseFile: CaseFile, evidenceId: string): CustodyEvent[] {
  return prepareCached(caseFile.db, 'SELECT * FROM custody_event WHERE evidence_id = ? ORDER BY at, id').all(evidenceId) as CustodyEvent[];
}
