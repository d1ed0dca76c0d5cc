import { hasPdfHeader } from '../evidence/hasPdfHeader';
import { readImageInfo } from './readImageInfo';

export type ExhibitKind = 'pdf' | 'image' | 'text' | 'email' | 'native' | 'capture';

/** Shown as a mail client shows them (prepareEmailExhibit); their source is still text. */
const EMAIL_TYPES = new Set(['message/rfc822', 'message/global', 'application/mbox']);

// Shown as source text, never rendered: HTML and e-mail included, so nothing in them runs or loads.
const TEXT_TYPES = new Set([
  'application/json', 'application/ld+json', 'application/x-ndjson', 'application/ndjson', 'application/xml',
  'application/csv', 'application/yaml', 'application/x-yaml', 'application/javascript', 'application/sql',
  'application/x-sh', 'application/mbox', 'message/rfc822', 'message/global',
]);

/** Why an empty exhibit has only its slip sheet (layoutDeclaration says the same of it). */
export const EMPTY_FILE_REASON = 'The file is empty (0 bytes): it has no content to reproduce.';

/** Media types shown as source text. */
export function isTextType(mediaType: string): boolean {
  return mediaType.startsWith('text/') || TEXT_TYPES.has(mediaType) || /\+(json|xml)$/.test(mediaType);
}

/**
 * Decides how an exhibit is presented. The bytes decide PDF and images (a file's name or stated
 * type can be wrong); the stated media type decides text, since any bytes decode as text.
 */
export function classifyExhibit(bytes: Uint8Array, mediaType: string, options: { capture?: boolean } = {}): { kind: ExhibitKind; reason?: string } {
  // A web capture parsed into pages is shown page by page (prepareCaptureExhibit), whatever its container.
  if (options.capture) return { kind: 'capture' };
  const type = mediaType.toLowerCase();
  // An empty file typed as text gets its page saying "(The file is empty.)" (prepareTextExhibit).
  // Any other empty file (an empty .txt is typed application/octet-stream: no bytes to judge)
  // would read as "cannot be reproduced", when the truth is there is nothing to show.
  if (bytes.length === 0 && !isTextType(type)) return { kind: 'native', reason: EMPTY_FILE_REASON };
  if (hasPdfHeader(bytes) || type === 'application/pdf') return { kind: 'pdf' };
  const image = readImageInfo(bytes);
  if (image) return { kind: 'image' };
  if (type === 'image/png' || type === 'image/jpeg') {
    return { kind: 'native', reason: `The file is labelled ${type} but its contents are not a readable ${type === 'image/png' ? 'PNG' : 'JPEG'} image.` };
  }
  if (EMAIL_TYPES.has(type.split(';')[0]?.trim() ?? '')) return { kind: 'email' };
  if (isTextType(type)) return { kind: 'text' };
  if (type.startsWith('image/')) return { kind: 'native', reason: `Images of type ${type} are not reproduced as pages.` };
  return { kind: 'native', reason: `Files of type ${type} cannot be reproduced as pages.` };
}
