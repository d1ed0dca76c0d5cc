import { z } from 'zod';
import { getCourtProfile } from './courtProfiles';
import { PACKET_SECTIONS, type PacketInput } from './PacketInput';
import { PacketError } from './PacketError';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const sha1 = z.string().regex(/^[0-9a-f]{40}$/, 'must be 40 lowercase hex digits');
const md5 = z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lowercase hex digits');
// Calendar dates or full timestamps; both print without time-zone guessing.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, 'must be an ISO-8601 date or UTC timestamp')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');
const optionalDate = isoDate.nullish();
const text = z.string().max(20_000);
const line = z.string().min(1).max(2_000);

const custodyEvent = z.object({
  at: isoDate,
  actor: line,
  action: line,
  fromParty: text.nullish(),
  toParty: text.nullish(),
  location: text.nullish(),
  purpose: text.nullish(),
  hashSeen: sha256.nullish(),
  result: text.nullish(),
  details: text.nullish(),
});

const exhibit = z.object({
  id: line,
  label: z.string().min(1).max(60),
  caseLabel: z.string().min(1).max(100).optional(),
  title: line,
  acquiredAt: isoDate,
  acquiredBy: text.nullish(),
  source: text,
  sha256,
  sha1,
  md5,
  size: z.number().int().nonnegative(),
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type like "application/pdf"'),
  originalName: text,
  description: text.nullish(),
  custody: z.array(custodyEvent),
  readBytes: z.custom<() => Promise<Uint8Array>>((v) => typeof v === 'function', 'must be a function'),
  readChunks: z.custom<() => AsyncIterable<Uint8Array>>((v) => typeof v === 'function', 'must be a function').optional(),
});

const schema = z.object({
  caption: z.object({
    court: line,
    docket: line,
    caption: line,
    title: line,
    preparedBy: line,
    date: isoDate,
  }),
  options: z.object({
    sections: z
      .array(z.enum(PACKET_SECTIONS))
      .min(1)
      .refine((s) => new Set(s).size === s.length, 'must not list a section twice'),
    bates: z.object({
      prefix: z.string().max(20).regex(/^[A-Za-z0-9._-]*$/, 'may hold only letters, digits, ".", "_" and "-"'),
      start: z.number().int().min(0).max(999_999_999),
      padding: z.number().int().min(1).max(12),
      draft: z.boolean().optional(),
    }),
    profile: z.string(),
    fixedDate: isoDate.optional(),
    declarant: z.object({ name: line, role: text.optional(), place: text.optional() }).optional(),
    textPageCap: z.number().int().min(1).max(5_000).optional(),
    maxVolumeBytes: z.number().int().min(64 * 1024).optional(),
    layout: z.enum(['combined', 'ecf']).optional(),
  }),
  exhibits: z.array(exhibit),
  domains: z.array(
    z.object({
      domainUnicode: line,
      domainAscii: line,
      registry: line,
      registrarName: line,
      registrarIanaId: z.number().int().nonnegative().nullish(),
      registrantAsListed: text.nullish(),
      status: line,
      order: z.number(),
      folded: z.array(line).optional(),
      flags: z.array(line).optional(),
      registryContact: text.nullish(),
    }),
  ),
  appendix: z.object({ heading: line, columns: z.boolean() }).optional(),
  orders: z.array(
    z.object({
      title: line,
      docket: line,
      court: line,
      judge: text.nullish(),
      type: line,
      filedAt: optionalDate,
      grantedAt: optionalDate,
      servedAt: optionalDate,
      expiresAt: optionalDate,
      status: line,
      summary: text.nullish(),
      ecfNumber: text.nullish(),
    }),
  ),
  auditHeads: z.array(z.object({ author: line, seq: z.number().int().nonnegative(), hash: sha256 })),
  caseFileSha256: sha256,
  counsel: z
    .array(z.object({ name: line, firm: text.optional(), address: text.optional(), phone: text.optional(), email: text.optional(), barNumber: text.optional(), representing: text.optional() }))
    .optional(),
});

/**
 * Checks the input before any page is drawn, so a bad field fails in milliseconds with a message
 * naming it instead of half-way through a long export. Returns the input unchanged (the
 * `readBytes` functions must stay the caller's own).
 */
export function validatePacketInput(input: PacketInput): PacketInput {
  const result = schema.safeParse(input);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues.slice(0, 10)) {
      const field = issue.path.join('.');
      problems.push(field ? `${field} ${issue.message}` : issue.message);
    }
  } else {
    const seenIds = new Set<string>();
    const seenLabels = new Set<string>();
    for (const [i, ex] of input.exhibits.entries()) {
      if (seenIds.has(ex.id)) problems.push(`exhibits.${i}.id "${ex.id}" is used by two exhibits`);
      if (seenLabels.has(ex.label.toLowerCase())) problems.push(`exhibits.${i}.label "${ex.label}" is used by two exhibits`);
      seenIds.add(ex.id);
      seenLabels.add(ex.label.toLowerCase());
    }
    if (!input.options.customProfile && !getCourtProfile(input.options.profile)) {
      problems.push(`options.profile "${input.options.profile}" is not a known court profile`);
    }
  }
  if (problems.length > 0) {
    throw new PacketError('INVALID_REQUEST', `Invalid filing packet input: ${problems.join('; ')}.`, { problems });
  }
  return input;
}
