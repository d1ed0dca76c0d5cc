import { z } from 'zod';
import { calendarDate, courtDay, pastCourtDay, pastDate } from './calendarDate';
import { oneLineProblem } from './controlCharacters';
import {
  CASE_STATUSES, CLASSIFICATIONS, CUSTODY_ACTIONS, CUSTODY_RESULTS, EVIDENCE_KINDS, ITEM_KINDS, ORDER_STATUSES,
  ORDER_TYPES, SITE_ROLES, SITE_STATUSES, STAKEHOLDER_KINDS,
} from './enums';

/**
 * Request schemas: every request from the renderer or the CLI is parsed here before a service
 * sees it. Dates are calendar dates (YYYY-MM-DD, for court dates) or instants normalised to
 * ISO-8601 UTC with milliseconds.
 */
const text = (max: number) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') }).trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, 'is required');
/** A one-line title or name: control and bidi override characters are refused (./controlCharacters). */
export const titleText = (max: number) => oneLine(max, 'the title').min(1, 'is required');
const nullWhenEmpty = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v === '' ? null : v);
const optionalText = (max: number) => text(max).nullish().transform(nullWhenEmpty);
/** Text that is printed as one line (a title, a registrar in Appendix A): control and bidi characters are refused. */
export function oneLine(max: number, what?: string) {
  return text(max).superRefine((value, ctx) => {
    const problem = oneLineProblem(value, what);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
export const optionalOneLine = (max: number) => oneLine(max).nullish().transform(nullWhenEmpty);

/** Every date goes through the one parser (./calendarDate); kept under this name for its importers. */
export const isoDate = calendarDate;
/** An empty form field means "no value". */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optionalDate = z.preprocess(blankToNull, calendarDate.nullish());
/** Optional date of something that already happened: refused when it lies in the future. */
const optionalPastDate = z.preprocess(blankToNull, pastDate.nullish());
const optionalPastCourtDay = z.preprocess(blankToNull, pastCourtDay.nullish());
const optionalCourtDay = z.preprocess(blankToNull, courtDay.nullish());

/** An enum whose error lists the accepted values. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: () => `must be one of: ${values.join(', ')}` });

const stringList = z.array(oneLine(500)).max(1000);

export const caseCreateSchema = z.object({
  title: titleText(500),
  code_name: optionalOneLine(200),
  matter_number: optionalOneLine(200),
  docket_number: optionalOneLine(200),
  jurisdiction: optionalOneLine(300),
  classification: oneOf(CLASSIFICATIONS).optional(),
  summary: optionalText(20000),
});
export const caseUpdateSchema = caseCreateSchema.partial().extend({ status: oneOf(CASE_STATUSES).optional() });

export const evidenceUpdateSchema = z
  .object({
    // Printed in the packet's contents, index, declaration and custody report, and in ECF file names.
    exhibit_label: oneLine(100).min(1, 'is required'),
    title: titleText(500),
    kind: oneOf(EVIDENCE_KINDS),
    acquired_at: optionalPastDate,
    // One line each in the declaration and the custody report (a line break there would add a line to sworn text).
    acquired_by: optionalOneLine(300),
    source_url: optionalOneLine(4000),
    source_device: optionalOneLine(300),
    source_person: optionalOneLine(300),
    // Quoted inside the acquisition sentence of the custody report.
    method: optionalOneLine(500),
    description: optionalText(20000),
    tags: stringList,
  })
  .partial();

export const websiteCreateSchema = z.object({
  input: requiredText(4000),
  registrar: optionalOneLine(300),
  registrar_iana_id: z.string().trim().regex(/^\d{1,6}$/, 'must be a number (IANA registrar id)').nullish(),
  registry: optionalOneLine(300),
  registrant: optionalOneLine(1000),
  name_servers: stringList.optional(),
  ips: stringList.optional(),
  hosting_provider: optionalOneLine(300),
  asn: optionalOneLine(50),
  role: oneOf(SITE_ROLES).optional(),
  status: oneOf(SITE_STATUSES).optional(),
  /** When the site reached `status` (its first lifecycle event); default now. */
  status_at: optionalPastDate,
  expires_at: optionalDate,
  notes: optionalText(20000),
  first_seen: optionalPastDate,
  last_seen: optionalPastDate,
});
// The status and its date move only with a lifecycle event (websites.setStatus), never by an edit.
export const websiteUpdateSchema = websiteCreateSchema.omit({ input: true, status: true, status_at: true }).partial();

export const orderCreateSchema = z.object({
  title: titleText(500),
  caption: optionalText(1000),
  docket: oneLine(200).min(1, 'is required'),
  court: oneLine(300).min(1, 'is required'),
  judge: optionalOneLine(300),
  order_type: oneOf(ORDER_TYPES),
  status: oneOf(ORDER_STATUSES).optional(),
  ecf_number: optionalOneLine(50),
  filed_at: optionalPastCourtDay,
  granted_at: optionalPastCourtDay,
  served_at: optionalPastCourtDay,
  expires_at: optionalCourtDay,
  summary: optionalText(20000),
  document_evidence_id: z.string().uuid().nullish(),
});
export const orderUpdateSchema = orderCreateSchema.partial();

export const stakeholderCreateSchema = z.object({
  name: titleText(300),
  organization: optionalOneLine(300),
  kind: oneOf(STAKEHOLDER_KINDS).optional(),
  role: optionalOneLine(300),
  email: z.preprocess(blankToNull, z.string().trim().email('is not an e-mail address').nullish()),
  phone: optionalOneLine(100),
  address: optionalText(1000),
  notes: optionalText(20000),
});
export const stakeholderUpdateSchema = stakeholderCreateSchema.partial();

export const noteCreateSchema = z.object({
  title: titleText(500),
  body: text(1_000_000).default(''),
});
// Built without the create default: a partial of `.default('')` fills the body in when a patch leaves it out.
export const noteUpdateSchema = z.object({ title: titleText(500), body: text(1_000_000) }).partial();

export const itemKindSchema = oneOf(ITEM_KINDS);
export const idSchema = z.string().uuid('is not a record id');

export const linkCreateSchema = z.object({
  from_id: idSchema,
  to_id: idSchema,
  relation: requiredText(100).default('related'),
  note: optionalText(2000),
});

export const custodyCreateSchema = z.object({
  evidence_id: idSchema,
  action: oneOf(CUSTODY_ACTIONS),
  at: pastDate.optional(),
  // Stored as Dossier records them (an import's location is the file's own path, which the file
  // system lets hold a line break); a request takes them as one line each (custodyRequestSchema).
  from_party: optionalText(300),
  to_party: optionalText(300),
  location: optionalText(500),
  purpose: optionalText(1000),
  // Any length of hex digits here: the custody rule (evidence/custody.ts) names the kinds it compares.
  hash_seen: z.string().trim().max(256, 'is longer than any hash').regex(/^[0-9a-f]+$/i, 'must be hexadecimal digits (a hash)').nullish(),
  result: oneOf(CUSTODY_RESULTS).optional(),
  details: optionalText(5000),
});

/**
 * A custody event as a person gives it (the app's form, `dossier custody`): the custody report
 * prints parties, location and purpose as one line each, so control and bidi characters are
 * refused there; values recorded earlier or taken from a file's path are spelled out when printed.
 */
export const custodyRequestSchema = custodyCreateSchema.extend({
  from_party: optionalOneLine(300),
  to_party: optionalOneLine(300),
  location: optionalOneLine(500),
  purpose: optionalOneLine(1000),
  details: optionalOneLine(5000),
});

export const listQuerySchema = z.object({
  kind: itemKindSchema,
  sort: z.string().max(50).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  after: z.string().max(2000).nullish(),
  limit: z.number().int().min(1).max(1000).optional(),
  filter: z.string().max(500).optional(),
  status: z.string().max(50).optional(),
  includeDeleted: z.boolean().optional(),
  /** Also count every matching row (one COUNT over the same conditions): for scrollbars and "500 of 205,800". */
  withTotal: z.boolean().optional(),
  /**
   * Start this many rows in instead of after a cursor: for jumping to the middle or end of a huge
   * list (End, a scrollbar drag). Costs a scan of the skipped rows; pages after it use the cursor.
   */
  offset: z.number().int().min(0).max(100_000_000).optional(),
});
export type ListQuery = z.input<typeof listQuerySchema>;

export type CaseCreate = z.input<typeof caseCreateSchema>;
export type CaseUpdate = z.input<typeof caseUpdateSchema>;
export type EvidenceUpdate = z.input<typeof evidenceUpdateSchema>;
export type WebsiteCreate = z.input<typeof websiteCreateSchema>;
export type WebsiteUpdate = z.input<typeof websiteUpdateSchema>;
export type OrderCreate = z.input<typeof orderCreateSchema>;
export type OrderUpdate = z.input<typeof orderUpdateSchema>;
export type StakeholderCreate = z.input<typeof stakeholderCreateSchema>;
export type StakeholderUpdate = z.input<typeof stakeholderUpdateSchema>;
export type NoteCreate = z.input<typeof noteCreateSchema>;
export type NoteUpdate = z.input<typeof noteUpdateSchema>;
export type LinkCreate = z.input<typeof linkCreateSchema>;
export type CustodyCreate = z.input<typeof custodyCreateSchema>;
