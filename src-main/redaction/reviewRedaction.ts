import type { CaseFile } from '../casefile/CaseFile';
import { nowIso } from '../casefile/ids';
import type { Redaction } from '../contract/redaction';
import { getRecord } from '../records/getRecord';
import { updateRecord } from '../records/updateRecord';
import { redactionOf, redactionSpec } from './redactionSpec';

/**
 * Records counsel's decision on a redaction: 'accepted' (it is burnt into public filings) or
 * 'rejected' (not an identifier to redact), with who, when and why. The decision it replaces
 * stays in the record's history; the audit entry seals the new state.
 */
export function reviewRedaction(caseFile: CaseFile, id: string, decision: 'accepted' | 'rejected', reason: string | null = null): Redaction {
  const current = redactionOf(getRecord(caseFile, redactionSpec, id));
  if (current.status === decision && current.reason === reason) return current;
  return redactionOf(updateRecord(
    caseFile,
    redactionSpec,
    id,
    { status: decision, decided_by: caseFile.actor.name, decided_at: nowIso(), reason },
    { auditAction: decision === 'accepted' ? 'redaction.accept' : 'redaction.reject' },
  ));
}
