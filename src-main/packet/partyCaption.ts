import { printedOneLine } from '../contract/controlCharacters';
import type { Party } from '../contract/filingCaption';
import { printedSpaces } from '../contract/spaceRuns';

const ROLE_WORD: Record<Party['role'], [string, string]> = {
  plaintiff: ['Plaintiff', 'Plaintiffs'],
  petitioner: ['Petitioner', 'Petitioners'],
  defendant: ['Defendant', 'Defendants'],
  respondent: ['Respondent', 'Respondents'],
};

/**
 * The parties as a caption sets them, one line per "\n": "MICROSOFT CORPORATION,\nPlaintiff,\nv.\n
 * JOHN DOES 1-2,\nDefendants." A group of Does is plural ("Does 1-2"); null when no party is set.
 */
export function partyCaption(parties: readonly Party[]): string | null {
  const side = (roles: Party['role'][]): string[] => {
    const named = parties.filter((p) => roles.includes(p.role));
    if (!named.length) return [];
    const plural = named.length > 1 || /\bdoes\b|\bet al\b/i.test(named[0]!.name);
    const word = ROLE_WORD[named[0]!.role][plural ? 1 : 0];
    // A name is one caption line: a line break stored in it (before the one-line rule) is spelled
    // out, and so is a space that would not show (a run of spaces, stored before the rule against them).
    return [...named.map((p, i) => `${printedOneLine(printedSpaces(p.name.toUpperCase()))}${i < named.length - 1 ? ';' : ','}`), word];
  };
  const first = side(['plaintiff', 'petitioner']);
  const second = side(['defendant', 'respondent']);
  if (!first.length && !second.length) return null;
  const lines = [...first.map((l, i) => (i === first.length - 1 ? `${l},` : l)), ...(first.length && second.length ? ['v.'] : []), ...second.map((l, i) => (i === second.length - 1 ? `${l}.` : l))];
  return lines.join('\n');
}

/** "1:23-cv-10685" with initials PAE -> "1:23-cv-10685 (PAE)", unless the docket already carries them. */
export function withInitials(docket: string, initials: string | null): string {
  if (!initials || /\([A-Z]{1,6}\)\s*$/.test(docket)) return docket;
  return `${docket} (${initials})`;
}
