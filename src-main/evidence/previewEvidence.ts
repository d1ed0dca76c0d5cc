import type { CaseFile } from '../casefile/CaseFile';
import type { EvidencePreview } from '../contract/DossierApi';
import { isTextMediaType } from './detectMediaType';
import { getEvidence } from './evidenceService';
import { charsetHow, decodeText } from './decodeText';
import { readEmail } from './readEmail';
import { readStoredBytes } from './readEvidenceStream';

/** Default amount of text shown; the request may ask for up to 5 MB. */
export const PREVIEW_TEXT_BYTES = 256 * 1024;
/** Images larger than this are not inlined as data URLs. */
export const PREVIEW_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** Raster formats every renderer decodes safely; SVG is deliberately absent (it can carry script). */
const IMAGE_SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** E-mails up to this size are parsed for the preview; larger ones are shown as their source text. */
export const PREVIEW_EMAIL_MAX_BYTES = 5 * 1024 * 1024;
const EMAIL_TYPES = new Set(['message/rfc822', 'message/global']);

/**
 * A safe look at an exhibit: text-like exhibits as text (HTML as its source, never rendered),
 * PNG/JPEG/GIF/WebP images under 5 MB as a data URL (checked by signature, not only by the
 * recorded type), anything else as neither. Reads at most `maxBytes` of text.
 */
export function previewEvidence(caseFile: CaseFile, id: string, maxBytes = PREVIEW_TEXT_BYTES): EvidencePreview {
  const evidence = getEvidence(caseFile, id);
  const mediaType = evidence.media_type;
  const none: EvidencePreview = { media_type: mediaType, text: null, image_data_url: null, truncated: false };
  if (!evidence.content_sha256) return none;
  const isImage = Object.hasOwn(IMAGE_SIGNATURES, mediaType);
  if (isImage && evidence.size_bytes <= PREVIEW_IMAGE_MAX_BYTES) {
    const { bytes } = readStoredBytes(caseFile.db, evidence.content_sha256, PREVIEW_IMAGE_MAX_BYTES);
    if (!IMAGE_SIGNATURES[mediaType]!(bytes)) return none;
    return { ...none, image_data_url: `data:${mediaType};base64,${bytes.toString('base64')}` };
  }
  if (isImage) return { ...none, truncated: true };
  if (!isTextMediaType(mediaType)) return none;
  const { bytes, complete } = readStoredBytes(caseFile.db, evidence.content_sha256, maxBytes);
  // The same decoding as the packet's text exhibits (BOM, declared, HTML meta, detection).
  const decoded = decodeText(bytes, { mediaType, complete });
  const how = charsetHow(decoded.source);
  return { ...none, text: decoded.text, truncated: !complete, charset: `${decoded.charset}${how}` };
}

/**
 * The preview, plus for an e-mail (.eml up to 5 MB) the message as the packet shows it: decoded
 * headers, text body, attachments with SHA-256 (readEmail, the packet's own code).
 */
export async function previewEvidenceWithEmail(caseFile: CaseFile, id: string, maxBytes = PREVIEW_TEXT_BYTES): Promise<EvidencePreview> {
  const preview = previewEvidence(caseFile, id, maxBytes);
  const evidence = getEvidence(caseFile, id);
  if (!EMAIL_TYPES.has(evidence.media_type) || !evidence.content_sha256 || evidence.size_bytes > PREVIEW_EMAIL_MAX_BYTES) return preview;
  const { bytes } = readStoredBytes(caseFile.db, evidence.content_sha256, PREVIEW_EMAIL_MAX_BYTES);
  return { ...preview, email: await readEmail(new Uint8Array(bytes)) };
}
