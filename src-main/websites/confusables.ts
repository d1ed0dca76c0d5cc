/**
 * A small confusables table and the "visual skeleton" used for look-alike checks.
 *
 * Why hand-written: Unicode's full confusables.txt (UTS #39) has ~6,000 entries and there is no
 * well-kept npm package for it installed here (nor one we would want to depend on for this). The
 * attacks seen in takedown cases use a few dozen Cyrillic, Greek and Armenian letters that render
 * like Latin ones, plus ASCII digit/letter swaps; those are listed below. Only lower-case forms are
 * needed because IDNA (UTS #46) lower-cases every name before we look at it.
 * If this ever needs the full table, swap `toLatinLookalike` for a UTS #39 skeleton; callers
 * only compare skeletons.
 */
export const CONFUSABLE_LATIN: Readonly<Record<string, string>> = {
  // Cyrillic
  'а': 'a', 'б': '6', 'в': 'b', 'г': 'r', 'е': 'e', 'ё': 'e', 'з': '3', 'і': 'i', 'ї': 'i',
  'ј': 'j', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'п': 'n', 'р': 'p', 'с': 'c', 'т': 't',
  'у': 'y', 'х': 'x', 'ь': 'b', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'һ': 'h',
  'ү': 'y', 'ҫ': 'c', 'ԍ': 'g', 'ѡ': 'w', 'ѵ': 'v',
  // Greek
  'α': 'a', 'β': 'b', 'γ': 'y', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o',
  'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w', 'ϲ': 'c', 'ϳ': 'j', 'ϝ': 'f',
  // Armenian
  'ա': 'w', 'գ': 'q', 'զ': 'q', 'հ': 'h', 'ո': 'n', 'ս': 'u', 'օ': 'o', 'ց': 'g', 'ք': 'p',
  // Latin letters that pass for other Latin letters
  'ı': 'i', 'ɑ': 'a', 'ɡ': 'g', 'ʟ': 'l', 'ɩ': 'i', 'ƅ': 'b', 'ȷ': 'j', 'ɒ': 'a', 'ꞁ': 'l',
};

/**
 * Brands whose look-alikes matter in the cases this product serves (Microsoft's DCU actions,
 * phishing kits). Lower-case ASCII. Extend as cases need; short names (< 5 letters) only match a
 * whole label or hyphen-separated part, to keep `olive` from matching `live`.
 */
export const WATCHED_BRANDS: readonly string[] = [
  'microsoft', 'outlook', 'hotmail', 'live', 'office', 'office365', 'onedrive', 'sharepoint',
  'windows', 'xbox', 'azure', 'bing', 'msn', 'skype', 'teams', 'paypal', 'apple', 'icloud', 'google',
  'gmail', 'youtube', 'amazon', 'facebook', 'instagram', 'whatsapp', 'netflix', 'linkedin', 'github',
  'yahoo', 'dropbox', 'docusign', 'adobe', 'coinbase', 'binance', 'metamask',
];

// Single ASCII characters that stand in for letters in look-alike names, as a code table:
// FOLD[c] is the replacement, '' drops the character.
const FOLD: string[] = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
for (const [from, to] of Object.entries({ '0': 'o', '1': 'l', i: 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '-': '', _: '' })) {
  FOLD[from.charCodeAt(0)] = to;
}

/**
 * Fold a label to its look-alike skeleton: `rn`->`m`, `vv`->`w`, `cl`->`d`, digits to the
 * letters they imitate, `i` and `l` to one letter, hyphens dropped. Applied to brands and labels
 * alike, so only equality/containment of skeletons matters, never the exact spelling.
 * Runs for every label of a million-row import, hence char codes and a lookup table.
 */
export function foldAsciiSkeleton(label: string): string {
  const n = label.length;
  let out = '';
  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i);
    if (i + 1 < n) {
      const next = label.charCodeAt(i + 1);
      if (c === 0x72 && next === 0x6e) { out += 'm'; i++; continue; } // rn -> m
      if (c === 0x76 && next === 0x76) { out += 'w'; i++; continue; } // vv -> w
      if (c === 0x63 && next === 0x6c) { out += 'd'; i++; continue; } // cl -> d
    }
    out += c < 128 ? FOLD[c]! : label[i]!;
  }
  return out;
}

const MARKS = /\p{M}/gu;

/**
 * A Unicode label as a reader would take it in Latin: diacritics stripped, confusable letters
 * mapped. Letters with no look-alike stay as they are. Fold the result for a skeleton.
 */
export function toLatinLookalike(label: string): string {
  const bare = label.normalize('NFD').replace(MARKS, '');
  let mapped = '';
  for (const ch of bare) mapped += CONFUSABLE_LATIN[ch] ?? ch;
  return mapped;
}

/** Whether every letter of `label` has a Latin look-alike in the table (digits and '-' allowed). */
export function isAllConfusableWithLatin(label: string): boolean {
  const bare = label.normalize('NFD').replace(MARKS, '');
  let letters = 0;
  for (const ch of bare) {
    if (ch === '-' || (ch >= '0' && ch <= '9')) continue;
    if (CONFUSABLE_LATIN[ch] === undefined) return false;
    letters++;
  }
  return letters > 0;
}
