import type { ExhibitInput } from './PacketInput';

/**
 * A first guess at an exhibit's page count (slip sheet included) from its type and size, for the
 * progress bar before the exhibit is read. Replaced by the real count once it is.
 */
export function estimateExhibitPages(ex: ExhibitInput, textPageCap: number): number {
  const type = ex.mediaType.toLowerCase();
  if (type === 'application/pdf') return 1 + Math.max(1, Math.round(ex.size / 40_000));
  if (type === 'image/png' || type === 'image/jpeg') return 2;
  if (type.startsWith('text/') || /json|xml|csv|rfc822/.test(type)) return 1 + Math.min(textPageCap, Math.max(1, Math.ceil(ex.size / 7_000)));
  return 1;
}
