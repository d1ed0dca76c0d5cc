import type { CaseFile } from '../casefile/CaseFile';
import { newId, nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { appendAudit } from '../audit/appendAudit';
import { type FilingCaption, filingCaptionSchema } from '../contract/filingCaption';
import { DossierError } from '../contract/errors';
import { spaceRunProblem } from '../contract/spaceRuns';
import { hasTable } from './productions';

/** The one row of table filing_caption (0090), as stored. */
export interface CaptionRow {
  id: string;
  court: string | null;
  judge: string | null;
  judge_initials: string | null;
  parties: string;
  counsel: string;
  updated_at: string;
  updated_by: string;
  hlc: string;
}

const EMPTY: FilingCaption = { court: null, judge: null, judgeInitials: null, parties: [], counsel: [] };

/** The case's filing caption (table filing_caption, migration 0090); empty fields when none is set. */
export function getFilingCaption(caseFile: CaseFile): FilingCaption {
  if (!hasTable(caseFile, 'filing_caption')) return EMPTY;
  const row = prepareCached(caseFile.db, 'SELECT * FROM filing_caption LIMIT 1').get() as CaptionRow | undefined;
  if (!row) return EMPTY;
  return { court: row.court, judge: row.judge, judgeInitials: row.judge_initials, parties: JSON.parse(row.parties), counsel: JSON.parse(row.counsel) } as FilingCaption;
}

/**
 * Sets the fields given (a list is replaced whole), checked as a whole, in one transaction with
 * its audit entry. Returns the caption as stored.
 */
export function updateFilingCaption(caseFile: CaseFile, patch: Partial<FilingCaption>): FilingCaption {
  const parsed = filingCaptionSchema.safeParse({ ...getFilingCaption(caseFile), ...patch });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DossierError('INVALID_REQUEST', `The filing caption's ${issue.path.join('.')} ${issue.message}.`);
  }
  const next = parsed.data;
  refuseNewSpaceRuns(getFilingCaption(caseFile), next);
  const write = caseFile.db.transaction(() => {
    const existing = prepareCached(caseFile.db, 'SELECT id FROM filing_caption LIMIT 1').pluck().get() as string | undefined;
    const values = [next.court, next.judge, next.judgeInitials, JSON.stringify(next.parties), JSON.stringify(next.counsel), nowIso(), caseFile.actor.name, caseFile.clock.tick()];
    const id = existing ?? newId();
    if (existing) {
      prepareCached(caseFile.db, 'UPDATE filing_caption SET court = ?, judge = ?, judge_initials = ?, parties = ?, counsel = ?, updated_at = ?, updated_by = ?, hlc = ? WHERE id = ?').run(...values, id);
    } else {
      prepareCached(caseFile.db, 'INSERT INTO filing_caption (court, judge, judge_initials, parties, counsel, updated_at, updated_by, hlc, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...values, id);
    }
    // Sealed with its entry (schema 12), so dossier check finds the caption edited behind the app's back.
    appendAudit(caseFile, { action: 'caption.update', recordKind: 'case', detail: { fields: Object.keys(patch), caption: next }, seal: [{ table: 'filing_caption', id }] });
  });
  write();
  return next;
}

/**
 * Refuses a run of spaces in a name the caption or the signature block prints on one line
 * (contract/spaceRuns): it prints as one space. Checked here rather than in the request schema,
 * because a change sends whole lists: a name stored before the rule (an older version, a merge)
 * that comes back unchanged is kept, and printed with its spaces spelled out, so that adding a
 * party is not refused for another party's old name.
 */
function refuseNewSpaceRuns(stored: FilingCaption, next: FilingCaption): void {
  // Each value with the words a user knows it by (the field of the flag they typed), not a list index.
  const printedOnOneLine = (c: FilingCaption): [string, string | null | undefined][] => [
    ['judge', c.judge],
    ...c.parties.map((p): [string, string] => ['party name', p.name]),
    ...c.counsel.flatMap((k) => COUNSEL_FIELDS.map(([f, words]): [string, string | undefined] => [`counsel's ${words}`, k[f]])),
  ];
  const kept = new Set(printedOnOneLine(stored).map(([, value]) => value));
  for (const [field, value] of printedOnOneLine(next)) {
    const problem = value && !kept.has(value) ? spaceRunProblem(value) : null;
    if (problem) throw new DossierError('INVALID_REQUEST', `The caption's ${field} ${JSON.stringify(value)} ${problem}; write it with single spaces.`);
  }
}

const COUNSEL_FIELDS = [['name', 'name'], ['firm', 'firm'], ['phone', 'phone'], ['barNumber', 'bar number'], ['representing', '"representing"']] as const;
