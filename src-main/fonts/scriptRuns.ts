import bidiFactory from 'bidi-js';
import { FEATURES, type FontMetricsSet, type FontRole } from './packetFonts';

/** A piece of one line, in drawing (left-to-right visual) order. */
export interface ScriptRun {
  /** The typeface that draws it; null when no bundled font has its (single) character. */
  font: FontRole | null;
  /** Text handed to the font. Right-to-left script runs stay in logical order: the font's layout reverses them. */
  text: string;
  /** Width at the size the runs were made for. */
  width: number;
}

// Tried after the requested face, in this order. Noto Sans first (Latin, Vietnamese, Greek,
// Cyrillic), one face per script, then DejaVu Sans for symbols (after the script faces: its
// Arabic is less complete than Noto's). Keep in step with FONT_FILES.
const FALLBACKS: readonly FontRole[] = ['text', 'cjk', 'arabic', 'hebrew', 'thai', 'devanagari', 'sans'];
// Faces whose glyphs depend on their neighbours: measured by shaping, not by summing characters.
const SHAPED = new Set<FontRole>(['arabic', 'hebrew', 'thai', 'devanagari']);
const RTL_SCRIPT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const RTL_OR_CONTROL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const JOINER = /[\p{M}\u200C\u200D]/u;
// Directional isolates (LRI, RLI, FSI, PDI) steer the bidi pass and are never drawn. Only the
// layout's own reach here (packet/isolatedText): one typed by a user is spelled out as [U+2068]
// before drawing, like every hidden character (visibleText).
const ISOLATE_CONTROL = /[\u2066-\u2069]/u;

const bidi = bidiFactory();

/**
 * Splits one line into runs a single font can draw, in visual order, following the Unicode
 * bidirectional algorithm (UAX #9, via bidi-js): Arabic or Hebrew inside a Latin line, or numbers
 * inside an Arabic line, are placed as a reader of that script expects. Each character goes to
 * the first face that has it: `primary`, then the fallbacks; combining marks stay with the
 * character they sit on. A character no face has is its own run with `font: null`.
 */
export function scriptRuns(metrics: FontMetricsSet, line: string, primary: FontRole, size: number, direction?: 'ltr' | 'rtl'): ScriptRun[] {
  if (line === '') return [];
  // Most lines are left-to-right text the requested face has: one run, no bidi pass.
  if (!RTL_OR_CONTROL.test(line) && allSupported(metrics, line, primary) && !SHAPED.has(primary)) {
    return [{ font: primary, text: line, width: metrics[primary].widthOf(line, size) }];
  }
  const levels = bidi.getEmbeddingLevels(line, direction).levels;
  // Logical pieces of one level and one font.
  const pieces: { level: number; font: FontRole | null; text: string }[] = [];
  let at = 0;
  for (const ch of line) {
    const level = levels[at] ?? 0;
    at += ch.length;
    if (ISOLATE_CONTROL.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    const last = pieces[pieces.length - 1];
    // Marks, joiners and spaces stay in the run they follow when its face has them.
    if (last && last.level === level && last.font !== null && (JOINER.test(ch) || ch === ' ' || last.font === fontFor(metrics, cp, primary)) && metrics[last.font].supports(cp)) {
      last.text += ch;
      continue;
    }
    pieces.push({ level, font: fontFor(metrics, cp, primary), text: ch });
  }
  // UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every sequence of
  // pieces at that level or higher.
  if (pieces.length === 0) return [];
  const max = Math.max(...pieces.map((p) => p.level));
  const minOdd = Math.min(...pieces.map((p) => (p.level % 2 === 1 ? p.level : Number.POSITIVE_INFINITY)));
  for (let level = max; level >= minOdd && Number.isFinite(minOdd); level--) {
    for (let i = 0; i < pieces.length; ) {
      if ((pieces[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < pieces.length && (pieces[j]?.level ?? 0) >= level) j++;
      pieces.splice(i, j - i, ...pieces.slice(i, j).reverse());
      i = j;
    }
  }
  return pieces.map((p) => {
    // A right-to-left piece in an Arabic or Hebrew face is reversed by the face's own layout; any
    // other right-to-left piece (neutral punctuation between two Arabic words) is reversed here.
    const text = p.level % 2 === 1 && !RTL_SCRIPT.test(p.text) ? [...p.text].reverse().map(mirror).join('') : p.text;
    return { font: p.font, text, width: runWidth(metrics, p.font, text, size) };
  });
}

/** Width of a line as `drawScriptText` draws it. */
export function scriptTextWidth(metrics: FontMetricsSet, line: string, primary: FontRole, size: number): number {
  // Width does not depend on order: unless a face shapes (joins, reorders), sum the characters
  // in the face each falls to. Wrapping measures every candidate line, so this path matters.
  if (!RTL_OR_CONTROL.test(line)) {
    let width = 0;
    let simple = true;
    for (const ch of line) {
      const cp = ch.codePointAt(0) ?? 0;
      const font = fontFor(metrics, cp, primary);
      if (font !== null && SHAPED.has(font)) {
        simple = false;
        break;
      }
      width += font === null ? missingGlyphWidth(metrics, cp, size) : metrics[font].widthOf(ch, size);
    }
    if (simple) return width;
  }
  return scriptRuns(metrics, line, primary, size).reduce((sum, run) => sum + run.width, 0);
}

/** A measurer for wrapText: `primary` with its fallbacks, as drawScriptText draws. */
export function scriptMeasure(metrics: FontMetricsSet, primary: FontRole): { widthOf(text: string, size: number): number } {
  return { widthOf: (text, size) => scriptTextWidth(metrics, text, primary, size) };
}

/** Code points of `text` that no bundled face has (drawn as boxes), each once, in order of appearance. */
export function missingCodePoints(metrics: FontMetricsSet, text: string, primary: FontRole): number[] {
  const out = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x20 && fontFor(metrics, cp, primary) === null) out.add(cp);
  }
  return [...out];
}

/** The paragraph direction of `text` (its first strong character, UAX #9 rules P2-P3). */
export function paragraphDirection(text: string): 'ltr' | 'rtl' {
  const level = bidi.getEmbeddingLevels(text).paragraphs[0]?.level ?? 0;
  return level % 2 === 1 ? 'rtl' : 'ltr';
}

/** Width of the box drawn for a character no font has (see drawScriptText). */
export function missingGlyphWidth(metrics: FontMetricsSet, cp: number, size: number): number {
  return metrics.sans.widthOf(codePointLabel(cp), size * 0.5) + size * 0.4;
}

/** "1F600" for U+1F600: what the box for a missing glyph says. */
export function codePointLabel(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

function allSupported(metrics: FontMetricsSet, line: string, font: FontRole): boolean {
  const face = metrics[font];
  for (const ch of line) if (!face.supports(ch.codePointAt(0) ?? 0)) return false;
  return true;
}

function fontFor(metrics: FontMetricsSet, cp: number, primary: FontRole): FontRole | null {
  if (metrics[primary].supports(cp)) return primary;
  for (const role of FALLBACKS) if (metrics[role].supports(cp)) return role;
  return null;
}

function runWidth(metrics: FontMetricsSet, font: FontRole | null, text: string, size: number): number {
  if (font === null) {
    let w = 0;
    for (const ch of text) w += missingGlyphWidth(metrics, ch.codePointAt(0) ?? 0, size);
    return w;
  }
  return SHAPED.has(font) ? metrics[font].shapedWidthOf(text, size, FEATURES) : metrics[font].widthOf(text, size);
}

const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

function mirror(ch: string): string {
  return MIRRORED[ch] ?? ch;
}
