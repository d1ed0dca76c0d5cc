import type { FontMetricsSet, FontRole } from '../fonts/packetFonts';
import { scriptMeasure, scriptTextWidth } from '../fonts/scriptRuns';
import { balanceIsolates, isolatedLine, type MixedText } from './isolatedText';
import { spellHidden } from './visibleText';
import { type TextMeasure, wrapText } from './wrapText';

export type Rgb = readonly [number, number, number];
export const BLACK: Rgb = [0, 0, 0];
export const GREY: Rgb = [0.42, 0.42, 0.42];
export const RULE: Rgb = [0.55, 0.55, 0.55];
export const SHADE: Rgb = [0.93, 0.93, 0.93];

export type DrawOp =
  | { kind: 'text'; x: number; y: number; text: string; font: FontRole; size: number; color: Rgb }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: Rgb }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: Rgb }
  /** A PNG or JPEG drawn into the box (x, y bottom left); `key` names the bytes, embedded once per PDF (embedLayoutImages). */
  | { kind: 'image'; x: number; y: number; w: number; h: number; format: 'png' | 'jpeg'; bytes: Uint8Array; key: string };

/** One generated page as drawing operations; painted onto a PDF page later (see paintPage). */
export interface LaidOutPage {
  ops: DrawOp[];
}

export interface PageGeometry {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  font: FontRole;
  size: number;
  /** Baseline-to-baseline distance; defaults to 1.25 x size. */
  leading?: number;
  color?: Rgb;
}

export interface ParagraphOptions extends TextStyle {
  align?: Align;
  /** Left indent of every line. */
  indent?: number;
  /** Extra indent of the first line (negative for a hanging label). */
  firstIndent?: number;
  /** Printed before the first line, e.g. "1.", at `labelAt` from the paragraph's left edge. */
  label?: string;
  labelAt?: number;
  spaceAfter?: number;
  /** Keep this many lines together at a page break (avoids orphans). */
  keepLines?: number;
}

/**
 * Flows text onto pages top to bottom and records what to draw where. Pure layout: it knows font
 * metrics but no PDF, so the same run can count pages (for the table of contents) and later be
 * painted. Sections start pages; long text and tables continue onto new pages.
 */
export class LayoutFlow {
  readonly pages: LaidOutPage[] = [];
  /** Baseline cursor, in PDF coordinates (origin bottom left). */
  y = 0;

  constructor(
    readonly geometry: PageGeometry,
    readonly metrics: FontMetricsSet,
  ) {}

  get left(): number {
    return this.geometry.marginLeft;
  }
  get right(): number {
    return this.geometry.width - this.geometry.marginRight;
  }
  get contentWidth(): number {
    return this.right - this.left;
  }
  get top(): number {
    return this.geometry.height - this.geometry.marginTop;
  }
  get bottom(): number {
    return this.geometry.marginBottom;
  }
  get page(): LaidOutPage {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('LayoutFlow: newPage() must be called first');
    return page;
  }

  newPage(): void {
    this.pages.push({ ops: [] });
    this.y = this.top;
  }

  /** Starts a new page unless `height` more points fit above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.pages.length === 0 || this.y - height < this.bottom) this.newPage();
  }

  moveDown(points: number): void {
    this.y -= points;
  }

  /**
   * Cleans text for drawing: hidden characters spelled out. Characters of other scripts are kept;
   * painting falls back to the bundled face that has them. `font` is kept for callers' sake.
   */
  clean(text: string, _font?: FontRole): string {
    return spellHidden(text, '\n').text;
  }

  /** Width as painted, font fallback and shaping included. */
  width(text: string, font: FontRole, size: number): number {
    return scriptTextWidth(this.metrics, text, font, size);
  }

  /** Measures with `font` and its fallbacks, for wrapText. */
  measurer(font: FontRole): TextMeasure {
    return scriptMeasure(this.metrics, font);
  }

  /** Wrapped lines, clean; names in a MixedText stay isolated on every line they reach. */
  wrap(text: string | MixedText, font: FontRole, size: number, maxWidth: number): string[] {
    return balanceIsolates(wrapText(this.measurer(font), this.cleanMixed(text), size, maxWidth));
  }

  /** clean(), or for a MixedText its parts cleaned and its names isolated (isolatedLine). */
  private cleanMixed(text: string | MixedText): string {
    return typeof text === 'string' ? this.clean(text) : isolatedLine(text, '\n');
  }

  /** Draws one already-clean line with its baseline at y; x is the left, centre or right edge per `align`. */
  text(text: string, x: number, y: number, style: TextStyle, align: Align = 'left'): void {
    const w = align === 'left' ? 0 : this.width(text, style.font, style.size);
    const left = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
    this.page.ops.push({ kind: 'text', x: left, y, text, font: style.font, size: style.size, color: style.color ?? BLACK });
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.5, color: Rgb = RULE): void {
    this.page.ops.push({ kind: 'line', x1, y1, x2, y2, width, color });
  }

  rect(x: number, y: number, w: number, h: number, fill: Rgb): void {
    this.page.ops.push({ kind: 'rect', x, y, w, h, fill });
  }

  image(op: Omit<Extract<DrawOp, { kind: 'image' }>, 'kind'>): void {
    this.page.ops.push({ kind: 'image', ...op });
  }

  /** A wrapped paragraph, continued on the next page when needed. */
  paragraph(text: string | MixedText, opts: ParagraphOptions): void {
    const leading = opts.leading ?? opts.size * 1.25;
    const indent = opts.indent ?? 0;
    const firstIndent = opts.firstIndent ?? 0;
    const width = this.contentWidth - indent;
    const lines = balanceIsolates(wrapText(this.measurer(opts.font), this.cleanMixed(text), opts.size, width, width - firstIndent));
    this.ensureSpace(leading * Math.min(lines.length, opts.keepLines ?? 2));
    lines.forEach((line, i) => {
      if (i > 0) this.ensureSpace(leading);
      this.y -= leading;
      const x0 = this.left + indent + (i === 0 ? firstIndent : 0);
      if (i === 0 && opts.label) this.text(opts.label, this.left + indent + (opts.labelAt ?? 0), this.y, opts);
      const align = opts.align ?? 'left';
      const x = align === 'left' ? x0 : align === 'center' ? x0 + (this.right - x0) / 2 : this.right;
      this.text(line, x, this.y, opts, align);
    });
    this.y -= opts.spaceAfter ?? 0;
  }

  /** A centred bold heading kept with at least three lines of what follows. */
  heading(text: string, size = 13, spaceAfter = 10): void {
    const leading = size * 1.3;
    const lines = this.wrap(text, 'serifBold', size, this.contentWidth);
    this.ensureSpace(leading * lines.length + 48);
    for (const line of lines) {
      this.y -= leading;
      this.text(line, this.left + this.contentWidth / 2, this.y, { font: 'serifBold', size }, 'center');
    }
    this.y -= spaceAfter;
  }

  /** A left-aligned bold sub-heading with a hairline under it. */
  subheading(text: string, size = 11): void {
    const leading = size * 1.3;
    const lines = this.wrap(text, 'serifBold', size, this.contentWidth);
    this.ensureSpace(leading * lines.length + 40);
    this.y -= 6;
    for (const line of lines) {
      this.y -= leading;
      this.text(line, this.left, this.y, { font: 'serifBold', size });
    }
    this.y -= 4;
    this.line(this.left, this.y, this.right, this.y, 0.4);
    this.y -= 4;
  }
}
