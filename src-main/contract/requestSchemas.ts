import { z } from 'zod';
import { filingCaptionSchema } from './filingCaption';
import { courtProfileSchema } from './courtProfileSchema';
import type { Channel } from './DossierApi';
import { executionDate, pastDate } from './calendarDate';
import { EVIDENCE_KINDS, ITEM_KINDS, SITE_STATUSES } from './enums';
import { REDACTION_CATEGORIES, REDACTION_STATUSES } from './redaction';
import { spaceRunProblem } from './spaceRuns';
import {
  caseCreateSchema, caseUpdateSchema, custodyRequestSchema, evidenceUpdateSchema, idSchema, isoDate, linkCreateSchema,
  listQuerySchema, noteCreateSchema, noteUpdateSchema, orderCreateSchema, orderUpdateSchema, stakeholderCreateSchema,
  oneLine, stakeholderUpdateSchema, titleText, websiteCreateSchema, websiteUpdateSchema,
} from './schemas';

/** Any absolute file path (evidence to import, a place to extract to). */
export const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'contains a NUL byte')
  .refine((p) => p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path');
const taskId = z.string().min(1).max(100);

/** A case file path from the UI: absolute, ending in .dossier. */
const caseFilePath = absolutePath.refine((p) => p.toLowerCase().endsWith('.dossier'), 'must end in .dossier');

/** One line of a declaration that prints a name: a run of spaces would print as one (contract/spaceRuns). */
function printedName(max: number) {
  return oneLine(max).superRefine((value, ctx) => {
    const problem = spaceRunProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** Who signs a packet's declaration: printed on lines of their own in it and under its signature, so one line each. */
export const declarantSchema = z.object({ name: printedName(200).min(1, 'is required'), role: printedName(300).optional(), place: printedName(300).optional() });

const packetOptions = z.object({
  sections: z.array(z.enum(['cover', 'toc', 'declaration', 'index', 'appendix', 'orders', 'custody', 'audit', 'exhibits'])).min(1).max(9).optional(),
  /** Exhibits in the order wanted: each by id, number ("3") or label ("Exhibit 3"). */
  exhibitIds: z.array(z.string().trim().min(1).max(200)).max(10_000).optional(),
  orderId: idSchema.optional(),
  batesPrefix: z.string().regex(/^[A-Za-z0-9_.-]{0,20}$/, 'may hold letters, digits, "-", "_" and "."').optional(),
  batesStart: z.number().int().min(0).max(1e9).optional(),
  batesPadding: z.number().int().min(1).max(12).optional(),
  profile: z.string().max(50).optional(),
  /** The declaration's execution date; a time keeps its offset, so the day printed is the declarant's. */
  date: executionDate.optional(),
  title: titleText(500).optional(),
  declarant: declarantSchema.optional(),
  appendixColumns: z.boolean().optional(),
  // From 0.25 MB, the smallest maxMb a court profile may give (courtProfileSchema).
  maxVolumeBytes: z.number().int().min(1 << 18).max(2 ** 40).optional(),
  /** The orders the orders section lists, in order (default: the appendix's order and orders linked to the chosen exhibits). */
  orderIds: z.array(idSchema).max(1000).optional(),
  /** combined: one PDF with slip sheets; ecf: declaration as main document, one PDF per exhibit, attachments.csv/.json (default: the profile's). */
  layout: z.enum(['combined', 'ecf']).optional(),
  /** A court profile from the user's JSON file (instead of a built-in one named by `profile`). */
  customProfile: courtProfileSchema.optional(),
  /** Number the chosen exhibits 1..N (or A, B ... per profile) in this filing; the index cross-references the case's labels. */
  renumber: z.boolean().optional(),
  /** Re-export this production exactly as frozen (every other option is then refused). */
  productionId: idSchema.optional(),
  /** A draft: DRAFT on every page, recorded, consumes no Bates numbers. */
  draft: z.boolean().optional(),
  /** Rule 5.2(d): the unredacted set, same Bates numbers, "FILED UNDER SEAL" on every page. */
  sealed: z.boolean().optional(),
  /** A PNG or JPEG of the declarant's signature, drawn above the /s/ line; read and checked by main, frozen with the production. */
  signatureImage: absolutePath.optional(),
});

const empty = z.object({}).strict();
/** A passphrase as typed: kept exactly (no trimming), never empty. */
const secret = z.string().min(1, 'is empty').max(1024);
const fingerprint = z.string().trim().min(1, 'is required').max(100);
const withId = z.object({ id: idSchema });
const expectedHlc = z.string().max(200).optional();
const patchOf = <S extends z.ZodType>(patch: S) => z.object({ id: idSchema, patch, expectedHlc });

/** The schema every channel's request must satisfy before a handler runs. */
export const requestSchemas = {
  'case.create': z.object({ path: caseFilePath, case: caseCreateSchema }),
  /** readOnly: nothing is written (read commands; a file the user may not write opens read-only anyway). */
  'case.open': z.object({ path: caseFilePath, readOnly: z.boolean().optional() }),
  'case.close': empty,
  'case.summary': empty,
  'case.update': z.object({ patch: caseUpdateSchema, expectedHlc }),
  'items.list': listQuerySchema.extend({
    orderId: idSchema.optional(),
    lifecycle: z.enum(['awaiting_confirmation', 'expiring_soon']).optional(),
    withinDays: z.number().int().min(0).max(36_500).optional(),
  }),
  'items.get': withId.extend({ includeDeleted: z.boolean().optional() }),
  'items.delete': withId,
  'websites.add': websiteCreateSchema,
  'websites.update': patchOf(websiteUpdateSchema),
  'websites.setStatus': z.object({
    id: idSchema,
    status: z.enum(SITE_STATUSES),
    at: pastDate.optional(),
    orderId: idSchema.optional(),
    evidenceId: idSchema.optional(),
    note: z.string().max(5000).optional(),
  }),
  'websites.statusHistory': withId,
  'websites.import': z.object({
    path: absolutePath,
    map: z.array(z.string().max(200).regex(/^[^=]+=[^=]+$/, 'must look like column=field')).max(50).optional(),
    format: z.enum(['csv', 'text']).optional(),
    header: z.boolean().optional(),
    orderId: idSchema.optional(),
    taskId: taskId.optional(),
    /** Complete an import of this same list that was killed midway (dossier check / info show it). */
    resume: z.boolean().optional(),
    /** Rows per transaction (default 20,000); each is sealed by one audit entry, and a crash loses at most the one in progress. */
    batchRows: z.number().int().min(100).max(100_000).optional(),
  }),
  'websites.appendix': z.object({ orderId: idSchema, limit: z.number().int().min(1).max(100_000).optional() }),
  'websites.appendixCsv': z.object({ orderId: idSchema, outPath: absolutePath.refine((p) => p.toLowerCase().endsWith('.csv'), 'must end in .csv'), columns: z.boolean().optional() }),
  'orders.create': orderCreateSchema,
  'orders.update': patchOf(orderUpdateSchema),
  'stakeholders.create': stakeholderCreateSchema,
  'stakeholders.update': patchOf(stakeholderUpdateSchema),
  'notes.create': noteCreateSchema,
  'notes.update': patchOf(noteUpdateSchema),
  'evidence.update': patchOf(evidenceUpdateSchema),
  'evidence.custody': withId,
  'evidence.addCustody': custodyRequestSchema,
  // The exhibit fields (label, source device/person, method, tags ...) as evidence.update takes them.
  'evidence.import': evidenceUpdateSchema.extend({
    paths: z.array(absolutePath).min(1).max(10_000),
    /** The SHA-256 the acquirer recorded (a capture tool's digest): checked against the file, kept on the acquisition event. */
    acquired_sha256: z.string().trim().toLowerCase().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 value (64 hex digits)').optional(),
    taskId: taskId.optional(),
  }),
  'evidence.verify': z.object({ id: idSchema.optional(), taskId: taskId.optional() }),
  'evidence.extract': z.object({ id: idSchema, outPath: absolutePath, overwrite: z.boolean().optional(), purpose: oneLine(1000).optional() }),
  'evidence.preview': z.object({ id: idSchema, maxBytes: z.number().int().min(1).max(5_000_000).optional() }),
  'tasks.cancel': z.object({ taskId }),
  'packet.profiles': empty,
  /** caseCheck: false leaves out `dossier check` (for a dialog that runs it itself); default runs it, as export does. */
  'packet.check': z.object({ options: packetOptions, caseCheck: z.boolean().optional() }),
  'packet.productions': empty,
  'caption.get': empty,
  /** Replaces the fields given (lists whole: the CLI's party/counsel commands read, change and send them). */
  'caption.update': z.object({ patch: filingCaptionSchema.partial() }),
  'packet.export': z.object({
    outPath: absolutePath.refine((p) => p.toLowerCase().endsWith('.pdf'), 'must end in .pdf'),
    options: packetOptions,
    taskId: taskId.optional(),
    /** Replace existing files (the app's save dialog asked); the CLI passes --overwrite. */
    overwrite: z.boolean().optional(),
    /** Export even when the case fails `dossier check`; the packet's audit page then says so (CLI --force). */
    force: z.boolean().optional(),
  }),
  'links.create': linkCreateSchema,
  'links.delete': withId,
  'links.list': z.object({ id: idSchema, offset: z.number().int().min(0).max(100_000_000).optional(), limit: z.number().int().min(1).max(500).optional() }),
  'search.query': z.object({
    text: z.string().max(10_000),
    limit: z.number().int().min(1).max(500).optional(),
    kinds: z.array(z.enum(ITEM_KINDS)).optional(),
  }),
  'timeline.page': z.object({
    after: z.string().max(2000).nullish(),
    limit: z.number().int().min(1).max(1000).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  }),
  'graph.get': z.object({
    limit: z.number().int().min(1).max(5000).optional(),
    // Only links with one of these relations (as stored: 1 to 100 characters) ...
    relations: z.array(z.string().min(1).max(100)).max(100).optional(),
    // ... and/or with one of these kinds of item at either end.
    kinds: z.array(z.enum(ITEM_KINDS)).max(ITEM_KINDS.length).optional(),
  }),
  'case.overview': z.object({ withinDays: z.number().int().min(1).max(3650).optional() }),
  'audit.verify': empty,
  'audit.page': z.object({ after: z.string().max(2000).nullish(), limit: z.number().int().min(1).max(1000).optional() }),
  'identity.status': empty,
  'identity.create': z.object({ name: z.string().trim().min(1, 'is required').max(120), passphrase: secret.optional() }),
  'identity.publicLine': empty,
  'roster.list': empty,
  'roster.add': z.object({ identityLine: z.string().trim().min(1, 'is required').max(2000), role: z.string().trim().max(200).optional() }),
  'roster.remove': z.object({ fingerprint }),
  'share.create': z.object({
    outPath: absolutePath,
    recipients: z.array(z.string().trim().min(1).max(200)).max(1000),
    passphrase: secret.optional(),
    identityPassphrase: secret.optional(),
    taskId: taskId.optional(),
    /** Share even when the case fails `dossier check` (recorded in the audit log). */
    force: z.boolean().optional(),
  }),
  'share.receive': z.object({
    sharePath: absolutePath,
    outPath: caseFilePath,
    acceptSender: fingerprint.optional(),
    passphrase: secret.optional(),
    identityPassphrase: secret.optional(),
    localCasePath: caseFilePath.optional(),
    taskId: taskId.optional(),
  }),
  'case.merge': z.object({
    otherPath: absolutePath,
    acceptSender: fingerprint.optional(),
    passphrase: secret.optional(),
    identityPassphrase: secret.optional(),
    taskId: taskId.optional(),
  }),
  'captures.import': z.object({
    path: absolutePath,
    websiteId: idSchema.optional(),
    createSites: z.boolean().optional(),
    again: z.boolean().optional(),
    taskId: taskId.optional(),
    title: titleText(500).optional(),
    source_url: oneLine(4000).optional(),
    acquired_by: oneLine(300).optional(),
    acquired_at: isoDate.optional(),
    description: z.string().max(20000).optional(),
  }),
  'captures.list': z.object({ evidenceId: idSchema.optional() }),
  'captures.pages': z.object({
    captureId: idSchema.optional(),
    evidenceId: idSchema.optional(),
    websiteId: idSchema.optional(),
    limit: z.number().int().min(1).max(5000).optional(),
  }).refine((r) => [r.captureId, r.evidenceId, r.websiteId].filter(Boolean).length === 1, 'give exactly one of captureId, evidenceId, websiteId'),
  'captures.page': withId,
  'captures.records': z.object({ captureId: idSchema, afterSeq: z.number().int().min(-1).optional(), limit: z.number().int().min(1).max(5000).optional() }),
  'captures.resource': z.object({ captureId: idSchema, url: z.string().min(1).max(8192), at: z.string().max(40).optional() }),
  'captures.replay': z.object({ captureId: idSchema, url: z.string().min(1).max(8192), at: z.string().max(40).optional() }),
  'captures.reparse': z.object({ evidenceId: idSchema, taskId: taskId.optional() }),
  'case.check': z.object({ taskId: taskId.optional() }),
  'case.health': z.object({}),
  'audit.checkpoint': z.object({ outPath: absolutePath.optional(), identityPassphrase: secret.optional() }),
  'audit.verifyAgainst': z.object({ artefactPath: absolutePath }),
  'roster.trust': z.object({ fingerprint }),
  // Merge conflicts kept for review (issue 17, src-main/merge).
  'conflicts.list': z.object({ includeResolved: z.boolean().optional() }),
  'conflicts.resolve': z.object({
    id: z.string().trim().regex(/^[0-9a-f]{32}$/, 'is not a conflict id (32 hex digits, as dossier conflicts lists them)'),
    keep: z.string().min(1, 'is required: mine, theirs or a value').max(100_000),
  }),
  'evidence.renumber': z.object({ id: idSchema, exhibitNumber: z.number().int().min(1).max(1e9) }),
  /** Takes back what an unfinished site import committed (its id from case.health / case.check). */
  'websites.importRollback': z.object({ importId: z.string().trim().min(3).max(300).regex(/^[^#\s]+#\d+$/, 'must look like CHAIN#SEQ, as dossier info prints it') }),
  // Redaction for public filings (src-main/redaction). `exhibit`: an exhibit's id, number or label.
  'redact.scan': z.object({
    exhibits: z.array(z.string().trim().min(1).max(200)).max(10_000).optional(),
    optIn: z.array(z.enum(['email', 'phone'])).max(2).optional(),
    taskId: taskId.optional(),
  }),
  'redact.list': z.object({ exhibit: z.string().trim().min(1).max(200).optional(), status: z.enum(REDACTION_STATUSES).optional() }),
  'redact.decide': z.object({ id: idSchema, decision: z.enum(['accepted', 'rejected']), reason: z.string().trim().min(1).max(2000).optional() }),
  'redact.add': z.object({
    exhibit: z.string().trim().min(1).max(200),
    text: z.string().min(1).max(1000).optional(),
    page: z.number().int().min(1).max(1_000_000).optional(),
    box: z.object({ x: z.number().min(0).max(1e6), y: z.number().min(0).max(1e6), w: z.number().positive().max(1e6), h: z.number().positive().max(1e6) }).optional(),
    category: z.enum(REDACTION_CATEGORIES).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
  }).refine((r) => (r.text === undefined) !== (r.box === undefined), 'give either text or box').refine((r) => r.box === undefined || r.page !== undefined, 'a box needs its page'),
  'redact.pageImage': z.object({ exhibit: z.string().trim().min(1).max(200), page: z.number().int().min(1).max(1_000_000) }),
  'redact.referenceList': z.object({
    outPath: absolutePath.refine((p) => p.toLowerCase().endsWith('.pdf'), 'must end in .pdf'),
    overwrite: z.boolean().optional(),
    // The packet's exhibits (id, number or label), or its production's: only their identifiers are listed.
    exhibits: z.array(z.string().trim().min(1).max(200)).min(1).max(100_000).optional(),
    productionId: z.string().trim().min(1).max(200).optional(),
  }).refine((r) => r.exhibits === undefined || r.productionId === undefined, 'give exhibits or productionId, not both'),
} satisfies Record<Channel, z.ZodType>;
