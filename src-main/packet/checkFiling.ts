import type { CaseFile } from '../casefile/CaseFile';
import { localCalendarDay } from '../contract/statedTime';
import { checkPacket, type PacketProblem } from './checkPacket';
import { type CourtProfile, effectiveProfile } from './courtProfiles';
import { estimateExhibitPages } from './estimateExhibitPages';
import { batesSideWords } from './batesSideWords';
import { formatBates, formatBatesRange } from './formatBates';
import type { PacketInput } from './PacketInput';
import { COURT_NOT_RECORDED, DOCKET_NOT_RECORDED } from './casePacketInput';
import { hasTable, overlappingProductions } from './productions';
import { orderChronologyProblems } from '../orders/orderChronology';

/** The newest fact a declaration certifies: the latest custody event of any exhibit it lists. */
export function newestCertifiedFact(input: PacketInput): { at: string; what: string } | null {
  let newest: { at: string; what: string } | null = null;
  for (const ex of input.exhibits) {
    for (const c of ex.custody) {
      if (!newest || c.at > newest.at) newest = { at: c.at, what: `${ex.label} ${c.action} ${c.at.length === 10 ? c.at : c.at.replace('.000Z', 'Z')}` };
    }
  }
  return newest;
}

/**
 * Compares an execution date (a day, or a time) with a fact's time at the precision the date has.
 * A day is the declarant's own: the fact's day on this computer's calendar, the same sense in which
 * the default execution date is today (casePacketInput), never the UTC day.
 */
function isBefore(date: string, factAt: string): boolean {
  return date.length === 10 ? date < localCalendarDay(factAt) : Date.parse(date) < Date.parse(factAt);
}

/**
 * The rules a filing must meet that the case knows and the engine does not: who signs the
 * declaration, that it is not dated before what it certifies, that the Bates range fits its
 * padding and is not used by another production. `lastBates`: the real last number after layout;
 * the check estimates it.
 */
export function filingRuleProblems(caseFile: CaseFile, input: PacketInput, lastBates?: number): PacketProblem[] {
  const problems: PacketProblem[] = [];
  const profile = effectiveProfile(input.options) as CourtProfile | undefined;
  const { declarant } = input.options;
  if (input.options.sections.includes('declaration')) {
    if (!declarant?.name) {
      problems.push({ severity: 'error', code: 'DECLARANT_MISSING', message: 'The declaration has no declarant: name who signs it with --declarant (and --declarant-role, --place).' });
    } else if (profile?.filing) {
      const missing = [!declarant.role && '--declarant-role (title)', !declarant.place && '--place (where it is executed)'].filter(Boolean);
      if (missing.length) problems.push({ severity: 'error', code: 'DECLARANT_INCOMPLETE', message: `The ${profile.name} profile needs the declarant's ${missing.join(' and ')}.` });
    }
    const newest = newestCertifiedFact(input);
    if (newest && isBefore(input.caption.date, newest.at)) {
      problems.push({
        severity: 'error',
        code: 'DATE_BEFORE_FACTS',
        // At the date's own precision: a day is compared with the fact's day, a time with its time.
        message: `The execution date ${input.caption.date} is before the newest fact the declaration certifies (${newest.what}); date it on or after ${input.caption.date.length === 10 ? localCalendarDay(newest.at) : newest.at}.`,
      });
    }
  }
  problems.push(...captionProblems(input, profile));
  problems.push(...orderDateProblems(input));
  const { bates } = input.options;
  const textPageCap = input.options.textPageCap ?? 50;
  const last = lastBates ?? bates.start + input.exhibits.reduce((n, ex) => n + estimateExhibitPages(ex, textPageCap), 10 + input.exhibits.length);
  if (String(last).length > bates.padding) {
    problems.push({
      severity: 'error',
      code: 'BATES_OVERFLOWS_PADDING',
      message: `The Bates range reaches ${formatBates(bates, last)}${lastBates === undefined ? ' (estimated)' : ''}, wider than the ${bates.padding}-digit padding, so numbers would have different widths; use --bates-padding ${String(last).length} or more.`,
    });
  }
  if (!bates.draft) {
    problems.push(...unresolvedBatesOverlaps(caseFile, bates.prefix));
    const taken = overlappingProductions(caseFile, bates, bates.start, last);
    if (taken.length) {
      const { production, label } = taken[0]!;
      const samePrefix = production.batesPrefix.toUpperCase() === bates.prefix.toUpperCase();
      // Both sides, with their prefixes: "storm-" and "STORM-", or "STORM-0" padded to 5 and
      // "STORM-" padded to 6, print the same labels (sharedBatesLabel).
      const stamped = batesSideWords(
        { id: production.id, prefix: production.batesPrefix, range: formatBatesRange({ prefix: production.batesPrefix, padding: production.batesPadding }, production.batesFirst, production.batesLast) },
        `${production.batesPadding} digits`,
      );
      const own = batesSideWords({ prefix: bates.prefix, range: formatBatesRange(bates, bates.start, last) }, `${bates.padding} digits${lastBates === undefined ? ', the last number estimated' : ''}`);
      problems.push({
        severity: 'error',
        code: 'BATES_ALREADY_USED',
        message: samePrefix
          ? `Bates numbers from ${label} were already used by production ${stamped}; this production ${own} would print them again. Leave out --bates-start to continue after the last production.`
          : `Bates label ${label} was already stamped by production ${stamped}; this production ${own} would print it again. Choose a prefix or --bates-start whose labels no production has printed.`,
      });
    }
  }
  return problems;
}

/**
 * A filing's caption heads every document with the court and the case number: one the case never
 * recorded prints "COURT NOT RECORDED" / "Docket not recorded" there. A warning, so that drafts
 * and cases not yet filed still export; under a filing profile it says the court will not take it.
 */
function captionProblems(input: PacketInput, profile: CourtProfile | undefined): PacketProblem[] {
  const missing = [
    input.caption.court === COURT_NOT_RECORDED && { what: 'no court (set it: dossier caption set FILE --court "...")', printed: COURT_NOT_RECORDED.toUpperCase(), where: 'the court' },
    input.caption.docket.startsWith(DOCKET_NOT_RECORDED) && { what: 'no docket number (set it: dossier edit FILE case --docket-number ...)', printed: `Case No. ${DOCKET_NOT_RECORDED}`, where: 'the case number' },
  ].filter((m) => m !== false);
  if (missing.length === 0) return [];
  return [{
    severity: 'warning',
    code: 'CAPTION_INCOMPLETE',
    message: `The caption has ${missing.map((m) => m.what).join(' and ')}, so the packet prints ${missing.map((m) => `"${m.printed}"`).join(' and ')} where ${missing.map((m) => m.where).join(' and ')} belong${missing.length === 1 ? 's' : ''}${profile?.filing ? `; a filing under ${profile.name} needs ${missing.length === 1 ? 'it' : 'them'}` : ''}.`,
  }];
}

/**
 * An order whose dates contradict one another (served before granted...). Edits are refused
 * (orderSpec.validate), but a merge can join a grant date from one copy with a service date from
 * another, and the packet would print both as facts.
 */
function orderDateProblems(input: PacketInput): PacketProblem[] {
  if (!input.options.sections.includes('orders')) return [];
  return input.orders.flatMap((order) => {
    const problems = orderChronologyProblems({ filed_at: order.filedAt, granted_at: order.grantedAt, served_at: order.servedAt, expires_at: order.expiresAt });
    return problems.length
      ? [{ severity: 'error' as const, code: 'ORDER_DATES_CONTRADICT', message: `Order "${order.title}" (${order.docket}): ${problems.join('; ')}; correct its dates with dossier edit before filing.` }]
      : [];
  });
}

/**
 * Two productions of this prefix that share Bates numbers (made on different copies, found by a
 * merge: merge/productionOverlaps) and nobody has said which keeps them: a new production would
 * continue a numbering that is itself in question.
 */
/** A stored production prefix and @prefix alike but for case, or one beginning the other (their labels may meet: sharedBatesLabel). */
const PREFIXES_ALIKE = (column: string): string => {
  const stored = `json_extract(${column}, '$.bates_prefix')`;
  return `(upper(substr(${stored}, 1, length(@prefix))) = upper(@prefix) OR upper(substr(@prefix, 1, length(${stored}))) = upper(${stored}))`;
};

function unresolvedBatesOverlaps(caseFile: CaseFile, prefix: string): PacketProblem[] {
  if (!hasTable(caseFile, 'merge_conflict')) return [];
  const rows = caseFile.db
    .prepare(
      `SELECT id, record_id, other_record_id, json_extract(kept_value, '$.bates_range') AS a, json_extract(lost_value, '$.bates_range') AS b,
              json_extract(kept_value, '$.bates_prefix') AS a_prefix, json_extract(lost_value, '$.bates_prefix') AS b_prefix
         FROM merge_conflict WHERE kind = 'bates_overlap' AND resolution IS NULL AND (${PREFIXES_ALIKE('kept_value')} OR ${PREFIXES_ALIKE('lost_value')}) ORDER BY id`,
    )
    .all({ prefix }) as { id: string; record_id: string; other_record_id: string; a: string; b: string; a_prefix: string; b_prefix: string }[];
  return rows.map((r) => ({
    severity: 'error' as const,
    code: 'BATES_OVERLAP_UNRESOLVED',
    message:
      `Productions ${batesSideWords({ id: r.record_id, prefix: r.a_prefix, range: r.a })} and ${batesSideWords({ id: r.other_record_id, prefix: r.b_prefix, range: r.b })} ` +
      'were made on different copies and use the same Bates numbers; ' +
      `say which keeps them before a new production on this prefix: dossier conflicts resolve ${caseFile.path} ${r.id} --keep ${r.record_id} (or --keep ${r.other_record_id})`,
  }));
}

/**
 * Everything `packet --check` reports, and what export refuses on: the engine's checks (sections,
 * sizes, each exhibit read once) and the filing rules above. Export and check call this one
 * function so they cannot disagree.
 */
export async function checkFiling(caseFile: CaseFile, input: PacketInput, opts: { signal?: AbortSignal } = {}): Promise<PacketProblem[]> {
  return [...filingRuleProblems(caseFile, input), ...(await checkPacket(input, opts))];
}
