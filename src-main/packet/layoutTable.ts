import { type Align, type LayoutFlow, RULE, SHADE } from './LayoutFlow';
import type { FontRole } from '../fonts/packetFonts';
import type { MixedText } from './isolatedText';

export interface TableColumn {
  header: string;
  /** Share of the table width; shares are normalised, so [1, 3, 1] works. */
  share: number;
  align?: Align;
  font?: FontRole;
  /** Font size for this column's cells (hashes are set smaller than prose). */
  size?: number;
}

export interface TableOptions {
  size?: number;
  font?: FontRole;
  /** Draw the header row (repeated on each page the table spans). Default true. */
  header?: boolean;
  /** Hairlines between rows. Default true. */
  rowRules?: boolean;
  /** Rule above a table without header (default true; off right under a sub-heading's own rule). */
  topRule?: boolean;
  /** Printed above the repeated header when the table continues on a new page, e.g. "Exhibit 3 (continued)". */
  continued?: string | MixedText;
}

/** Space left and right of a cell's text; a caller sizing a column to its content adds it twice. */
export const TABLE_CELL_PAD_X = 4;
const PAD_X = TABLE_CELL_PAD_X;
const PAD_Y = 3;

/**
 * A table with wrapped cells, aligned columns and a header row repeated after each page break.
 * Rows stay whole on a page unless one row is taller than a page, in which case its lines
 * continue on the next page. Rules are horizontal only, the way court exhibit lists are set.
 */
export function layoutTable(flow: LayoutFlow, columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
  const size = options.size ?? 9;
  const font = options.font ?? 'serif';
  const totalShare = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => (flow.contentWidth * c.share) / totalShare);
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const leadingOf = (col: TableColumn): number => (col.size ?? size) * 1.22;
  const showHeader = options.header ?? true;

  // Header cells are all set in the table's size, body cells in their column's.
  const header = columns.map((c) => ({ ...c, font: 'serifBold' as const, size }));
  const cellLines = (cells: string[], cols: TableColumn[]): string[][] =>
    cols.map((col, i) => flow.wrap(cells[i] ?? '', col.font ?? font, col.size ?? size, (widths[i] ?? 0) - 2 * PAD_X));
  const heightOf = (lines: string[][], cols: TableColumn[]): number =>
    Math.max(...lines.map((l, i) => l.length * leadingOf(cols[i] as TableColumn))) + 2 * PAD_Y;

  const headerLines = cellLines(
    columns.map((c) => c.header),
    header,
  );
  const headerHeight = heightOf(headerLines, header);

  const drawCells = (lines: string[][], top: number, cols: TableColumn[]): void => {
    // One shared first baseline, so cells in different sizes line up.
    const ascent = Math.max(...cols.map((c) => c.size ?? size)) * 0.9;
    cols.forEach((col, i) => {
      const colSize = col.size ?? size;
      const lead = leadingOf(col);
      const x = xs[i] ?? flow.left;
      const w = widths[i] ?? 0;
      const align = col.align ?? 'left';
      const ax = align === 'left' ? x + PAD_X : align === 'center' ? x + w / 2 : x + w - PAD_X;
      (lines[i] ?? []).forEach((line, n) => {
        const baseline = top - PAD_Y - ascent - n * lead;
        flow.text(line, ax, baseline, { font: col.font ?? font, size: colSize }, align);
      });
    });
  };

  const drawHeader = (): void => {
    if (!showHeader) return;
    const top = flow.y;
    flow.rect(flow.left, top - headerHeight, flow.contentWidth, headerHeight, SHADE);
    flow.line(flow.left, top, flow.right, top, 0.8, RULE);
    drawCells(headerLines, top, header);
    flow.y -= headerHeight;
    flow.line(flow.left, flow.y, flow.right, flow.y, 0.6, RULE);
  };

  const startPage = (): void => {
    flow.newPage();
    if (options.continued) {
      flow.y -= 11;
      const [first = '', ...more] = flow.wrap(options.continued, 'serifItalic', 9.5, flow.contentWidth - 12);
      flow.text(more.length > 0 ? `${first}…` : first, flow.left, flow.y, { font: 'serifItalic', size: 9.5 });
      flow.y -= 5;
    }
    drawHeader();
  };

  flow.ensureSpace(headerHeight + 3 * size * 1.22 + 2 * PAD_Y);
  if (!showHeader && (options.topRule ?? true)) flow.line(flow.left, flow.y, flow.right, flow.y, 0.8, RULE);
  drawHeader();

  rows.forEach((row, r) => {
    let lines = cellLines(row, columns);
    let height = heightOf(lines, columns);
    const fullPage = flow.top - flow.bottom - (showHeader ? headerHeight : 0);
    if (height > flow.y - flow.bottom && height <= fullPage) startPage();
    // A row taller than the room left is split: as many lines as fit, the rest on the next page.
    while (height > flow.y - flow.bottom) {
      const room = flow.y - flow.bottom - 2 * PAD_Y;
      const head = lines.map((l, i) => l.slice(0, Math.max(1, Math.floor(room / leadingOf(columns[i] as TableColumn)))));
      drawCells(head, flow.y, columns);
      flow.y -= heightOf(head, columns);
      lines = lines.map((l, i) => l.slice(head[i]?.length ?? 0));
      height = heightOf(lines, columns);
      startPage();
    }
    drawCells(lines, flow.y, columns);
    flow.y -= height;
    const last = r === rows.length - 1;
    if (last) flow.line(flow.left, flow.y, flow.right, flow.y, 0.8, RULE);
    else if (options.rowRules ?? true) flow.line(flow.left, flow.y, flow.right, flow.y, 0.25, RULE);
  });
  if (rows.length === 0) flow.line(flow.left, flow.y, flow.right, flow.y, 0.8, RULE);
}
