import { z } from 'zod';
import { canonicalJson, type JsonValue } from '../casefile/canonicalJson';
import { makePublicIdentity, type PublicIdentity } from './publicIdentity';
import { ShareError } from './ShareError';

/*
 * manifest.json: what the sender states about the share, signed (manifest.sig). Stored as
 * canonical JSON (RFC 8785) so the signed bytes are the file bytes and a reader can refuse any
 * other spelling of the same content (duplicate keys, whitespace games).
 * Documented in docs/share-format.md: change both together.
 */

export const SHARE_FORMAT = 'dossier-share';
export const SHARE_FORMAT_VERSION = 1;
/** Name of the case file inside the container. */
export const SNAPSHOT_ENTRY_NAME = 'case.dossier';
export const MANIFEST_MAX_BYTES = 1024 * 1024;

/** One audit chain head, as the audit layer describes it; carried as given, signed with the rest. */
export type AuditChainHead = { [key: string]: JsonValue };

export interface ShareManifest {
  readonly format: typeof SHARE_FORMAT;
  readonly formatVersion: typeof SHARE_FORMAT_VERSION;
  readonly caseId: string;
  readonly caseTitle: string;
  readonly sender: PublicIdentity;
  /** ISO-8601 UTC with milliseconds */
  readonly createdAt: string;
  readonly snapshot: {
    readonly fileName: typeof SNAPSHOT_ENTRY_NAME;
    /** lowercase hex */
    readonly sha256: string;
    readonly size: number;
  };
  readonly auditHeads: readonly AuditChainHead[];
  readonly appVersion: string;
}

/** What the caller states; sender and snapshot are filled in by createShare. */
export interface ManifestFields {
  caseId: string;
  caseTitle: string;
  auditHeads: readonly AuditChainHead[];
  appVersion: string;
  /** defaults to now; fix it for reproducible shares */
  createdAt?: string;
}

const printable = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters');

const manifestSchema = z.strictObject({
  format: z.literal(SHARE_FORMAT),
  formatVersion: z.literal(SHARE_FORMAT_VERSION),
  caseId: printable(200),
  caseTitle: printable(1000),
  sender: z.strictObject({
    name: z.string(),
    ageRecipient: z.string(),
    ed25519PublicKey: z.string(),
    fingerprint: z.string(),
  }),
  createdAt: z.iso.datetime({ precision: 3 }),
  snapshot: z.strictObject({
    fileName: z.literal(SNAPSHOT_ENTRY_NAME),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.int().nonnegative(),
  }),
  auditHeads: z.array(z.record(z.string(), z.json())).max(100_000),
  appVersion: printable(100),
});

/** Assembles and validates a manifest. Throws MANIFEST_INVALID naming the bad field. */
export function buildManifest(
  fields: ManifestFields,
  sender: PublicIdentity,
  snapshot: { sha256: string; size: number },
): ShareManifest {
  const manifest = {
    format: SHARE_FORMAT,
    formatVersion: SHARE_FORMAT_VERSION,
    caseId: fields.caseId,
    caseTitle: fields.caseTitle,
    sender: {
      name: sender.name,
      ageRecipient: sender.ageRecipient,
      ed25519PublicKey: sender.ed25519PublicKey,
      fingerprint: sender.fingerprint,
    },
    createdAt: fields.createdAt ?? new Date().toISOString(),
    snapshot: { fileName: SNAPSHOT_ENTRY_NAME, sha256: snapshot.sha256, size: snapshot.size },
    auditHeads: fields.auditHeads,
    appVersion: fields.appVersion,
  };
  return validate(manifest);
}

/** The exact bytes that are stored as manifest.json and signed. */
export function serializeManifest(manifest: ShareManifest): Uint8Array {
  const text = canonicalJson(manifest);
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MANIFEST_MAX_BYTES) {
    throw new ShareError('MANIFEST_INVALID', `The manifest is ${bytes.length} bytes; at most ${MANIFEST_MAX_BYTES} are allowed (too many audit heads?).`);
  }
  return bytes;
}

/**
 * manifest.json bytes -> manifest. Refuses anything but the canonical form of a valid v1 manifest.
 * A newer format version gives SHARE_UNSUPPORTED ("update Dossier") rather than MANIFEST_INVALID.
 */
export function parseManifest(bytes: Uint8Array): ShareManifest {
  if (bytes.length > MANIFEST_MAX_BYTES) {
    throw new ShareError('MANIFEST_INVALID', 'The share manifest is too large.');
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new ShareError('MANIFEST_INVALID', 'The share manifest is not valid JSON.', {}, { cause: err });
  }
  const head = value as { format?: unknown; formatVersion?: unknown } | null;
  if (head !== null && typeof head === 'object' && head.format === SHARE_FORMAT &&
      typeof head.formatVersion === 'number' && head.formatVersion > SHARE_FORMAT_VERSION) {
    throw new ShareError(
      'SHARE_UNSUPPORTED',
      `This share uses format version ${head.formatVersion}; this Dossier reads version ${SHARE_FORMAT_VERSION}. Update Dossier to open it.`,
      { formatVersion: head.formatVersion },
    );
  }
  const manifest = validate(value);
  if (!bytesEqual(new TextEncoder().encode(canonicalJson(manifest)), bytes)) {
    throw new ShareError('MANIFEST_INVALID', 'The share manifest is not in canonical form (altered by hand?).');
  }
  return manifest;
}

function validate(value: unknown): ShareManifest {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ShareError(
      'MANIFEST_INVALID',
      `Share manifest field "${issue.path.join('.') || '(root)'}": ${issue.message}.`,
    );
  }
  const data = parsed.data;
  let sender: PublicIdentity;
  try {
    sender = makePublicIdentity(data.sender);
  } catch (err) {
    throw new ShareError('MANIFEST_INVALID', `Share manifest sender: ${(err as Error).message}`, {}, { cause: err });
  }
  if (sender.fingerprint !== data.sender.fingerprint || sender.name !== data.sender.name) {
    throw new ShareError('MANIFEST_INVALID', 'Share manifest sender: the fingerprint or name does not match the keys.');
  }
  try {
    canonicalJson(data.auditHeads);
  } catch (err) {
    throw new ShareError('MANIFEST_INVALID', `Share manifest audit heads: ${(err as Error).message}`, {}, { cause: err });
  }
  return { ...data, sender } as ShareManifest;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
