/** One invisible or direction-changing character found in a name. */
export interface HiddenCharacter {
  /** `U+00AD` */
  codePoint: string;
  /** A readable name for the common ones, else the code point again. */
  label: string;
  /** 1-based position in the scanned text, counted in characters (code points). */
  position: number;
  kind: 'invisible' | 'bidi';
}

export interface HiddenCharacterScan {
  /** The text with every hidden character removed. */
  cleaned: string;
  found: HiddenCharacter[];
}

// Unicode's own properties rather than a hand list: Bidi_Control covers the embedding, override
// and isolate controls (U+202A-E, U+2066-9, LRM/RLM/ALM); Default_Ignorable_Code_Point covers
// soft hyphen, zero-width space/joiners, word joiner, BOM, variation selectors, tag characters,
// Hangul fillers... every character a renderer is told to draw as nothing.
const BIDI = /\p{Bidi_Control}/u;
const HIDDEN = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/u;
const HIDDEN_ALL = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/gu;

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** Format a code point as `U+00AD`. */
export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Find characters that are invisible or reorder text. Callers run this only on non-ASCII text:
 * every such character is outside ASCII.
 */
export function scanHiddenCharacters(text: string): HiddenCharacterScan {
  if (!HIDDEN.test(text)) return { cleaned: text, found: [] };
  const found: HiddenCharacter[] = [];
  let cleaned = '';
  let position = 0;
  for (const ch of text) {
    position++;
    if (!HIDDEN.test(ch)) {
      cleaned += ch;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    const codePoint = formatCodePoint(cp);
    found.push({
      codePoint,
      label: NAMES[cp] ? `${codePoint} ${NAMES[cp]}` : codePoint,
      position,
      kind: BIDI.test(ch) ? 'bidi' : 'invisible',
    });
  }
  return { cleaned, found };
}

/** The text with each hidden character written out as `<U+00AD>`, for keys and display. */
export function showHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_ALL, (ch) => `<${formatCodePoint(ch.codePointAt(0)!)}>`);
}
