import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import './fontkitRuntime';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { FontMetrics } from './FontMetrics';
import { DossierError } from '../contract/errors';

/** The typefaces a packet uses, by role. Serif for the legal text, sans for stamps, mono for hashes and text exhibits. */
export const FONT_FILES = {
  serif: 'LiberationSerif-Regular.ttf',
  serifBold: 'LiberationSerif-Bold.ttf',
  serifItalic: 'LiberationSerif-Italic.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
  // Fallbacks for text the faces above cannot show (see scriptRuns.ts for the order they are tried
  // in). Noto, SIL Open Font Licence; subsets built by scripts/build-fonts.py.
  text: 'NotoSans-Regular.ttf',
  textBold: 'NotoSans-Bold.ttf',
  cjk: 'NotoSansCJKsc-Regular.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  hebrew: 'NotoSansHebrew-Regular.ttf',
  thai: 'NotoSansThai-Regular.ttf',
  devanagari: 'NotoSansDevanagari-Regular.ttf',
} as const;
export type FontRole = keyof typeof FONT_FILES;
export const FONT_ROLES = Object.keys(FONT_FILES) as FontRole[];

export type FontBytes = Record<FontRole, Uint8Array>;
export type FontMetricsSet = Record<FontRole, FontMetrics>;
export type EmbeddedFonts = Record<FontRole, PDFFont>;

// Ligatures would draw "fi" as one glyph and can confuse text search; kerning is off so that
// measured widths equal drawn widths.
export const FEATURES = { liga: false, clig: false, dlig: false, calt: false, kern: false };

// Fixed subset names in the conventional "TAG+PostScriptName" form: pdf-lib would otherwise add a
// numeric suffix, and readers (and PDF/A validators) expect a six-letter subset tag.
const SUBSET_NAMES: Record<FontRole, string> = {
  serif: 'DSRSRA+LiberationSerif',
  serifBold: 'DSRSRB+LiberationSerif-Bold',
  serifItalic: 'DSRSRC+LiberationSerif-Italic',
  sans: 'DSRSND+DejaVuSans',
  sansBold: 'DSRSNE+DejaVuSans-Bold',
  mono: 'DSRMNF+DejaVuSansMono',
  text: 'DSRNTG+NotoSans',
  textBold: 'DSRNTH+NotoSans-Bold',
  cjk: 'DSRCJI+NotoSansCJKsc',
  arabic: 'DSRARJ+NotoSansArabic',
  hebrew: 'DSRHEK+NotoSansHebrew',
  thai: 'DSRTHL+NotoSansThai',
  devanagari: 'DSRDVM+NotoSansDevanagari',
};

/** resources/fonts in the repository (src-main/packet -> ../../resources/fonts). The app passes its own folder when packaged. */
export function defaultFontDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'fonts');
}

const loaded = new Map<string, { bytes: FontBytes; metrics: FontMetricsSet }>();

/** Reads (once per folder) the TTF files and their metrics. */
export function loadPacketFonts(fontDir = defaultFontDir()): { bytes: FontBytes; metrics: FontMetricsSet } {
  const cached = loaded.get(fontDir);
  if (cached) return cached;
  const bytes = {} as FontBytes;
  const metrics = {} as FontMetricsSet;
  for (const role of FONT_ROLES) {
    const file = path.join(fontDir, FONT_FILES[role]);
    try {
      bytes[role] = new Uint8Array(fs.readFileSync(file));
    } catch (err) {
      throw new DossierError('PACKET_FAILED', `The font ${file} could not be read; reinstall Dossier or check the font folder.`, { file }, { cause: err });
    }
    metrics[role] = new FontMetrics(bytes[role]);
  }
  const result = { bytes, metrics };
  loaded.set(fontDir, result);
  return result;
}

/** Embeds every role as a subset font (only the glyphs drawn end up in the file). */
export async function embedPacketFonts(doc: PDFDocument, bytes: FontBytes): Promise<EmbeddedFonts> {
  doc.registerFontkit(fontkit);
  const fonts = {} as EmbeddedFonts;
  for (const role of FONT_ROLES) {
    fonts[role] = await doc.embedFont(bytes[role], { subset: true, features: FEATURES, customName: SUBSET_NAMES[role] });
  }
  return fonts;
}
