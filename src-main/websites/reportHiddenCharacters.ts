import type { SiteFlag } from './NormalizedSite';
import type { HiddenCharacter } from './scanHiddenCharacters';

/** Turn hidden characters found in a host or path into `invisible-characters` / `bidi-control` flags. */
export function reportHiddenCharacters(
  found: readonly HiddenCharacter[],
  where: 'host' | 'path',
  flag: (f: SiteFlag, reason: string) => void,
): void {
  if (found.length === 0) return;
  const list = (kind: HiddenCharacter['kind']) =>
    found
      .filter((h) => h.kind === kind)
      .map((h) => `${h.label} at character ${h.position} of the ${where}`)
      .join(', ');
  const invisible = list('invisible');
  const bidi = list('bidi');
  if (invisible !== '') {
    flag(
      'invisible-characters',
      where === 'host'
        ? `the host as typed holds invisible characters (${invisible}); recorded as the name without them, which is what IDNA resolves, but kept apart from that name`
        : `the path holds invisible characters (${invisible})`,
    );
  }
  if (bidi !== '') {
    flag(
      'bidi-control',
      where === 'host'
        ? `the host as typed holds text-direction controls (${bidi}) that change how it displays; browsers refuse such a name; recorded without them and kept apart from that name`
        : `the path holds text-direction controls (${bidi})`,
    );
  }
}
