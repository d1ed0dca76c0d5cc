import { isTextMediaType } from '../evidence/detectMediaType';
import { hasPdfHeader } from '../evidence/hasPdfHeader';

/** How an exhibit is reproduced in a packet, as far as redaction is concerned. */
export type ExhibitForm = 'pdf' | 'image' | 'email' | 'text' | 'other';

const EMAIL_TYPES = new Set(['message/rfc822', 'message/global', 'application/mbox']);

/**
 * The form the packet gives an exhibit, decided the way packet/classifyExhibit decides it (bytes
 * for PDF and PNG/JPEG, the stored media type for e-mail and text): change both together. Kept
 * here because the packet calls redaction, so redaction may not call the packet back.
 */
export function exhibitForm(bytes: Uint8Array, mediaType: string): ExhibitForm {
  const type = mediaType.toLowerCase().split(';')[0]!.trim();
  if (hasPdfHeader(bytes) || type === 'application/pdf') return 'pdf';
  if ((bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)) return 'image';
  if (EMAIL_TYPES.has(type)) return 'email';
  if (isTextMediaType(type) || type.startsWith('text/') || /\+(json|xml)$/.test(type) || type === 'application/csv') return 'text';
  return 'other';
}
