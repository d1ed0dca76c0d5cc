/** Elements that have no content and no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose start closes an open <p> (HTML's "close a p element"), so a hidden <p> does not run on. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
/** Elements a start tag closes when one is open (up to the boundary named), as HTML parsers do. */
const IMPLIED: Record<string, { closes: string[]; within: string[] }> = {
  li: { closes: ['li'], within: ['ul', 'ol'] },
  dt: { closes: ['dt', 'dd'], within: ['dl'] },
  dd: { closes: ['dt', 'dd'], within: ['dl'] },
  tr: { closes: ['tr', 'td', 'th'], within: ['table', 'tbody', 'thead', 'tfoot'] },
  td: { closes: ['td', 'th'], within: ['tr', 'table'] },
  th: { closes: ['td', 'th'], within: ['tr', 'table'] },
  option: { closes: ['option'], within: ['select', 'datalist', 'optgroup'] },
};
/** A <p> is closed only within these (HTML's button scope). */
const P_SCOPE = ['button', 'table', 'td', 'th', 'caption', 'html', 'template', 'object', 'marquee', 'applet'];
/** How far down the stack an end tag looks for its element: stray tags in hostile markup stay linear. */
const SEARCH_DEPTH = 256;

interface OpenElement {
  name: string;
  /** display:none or the hidden attribute: nothing inside can show. */
  none: boolean;
  /** The element's visibility, its own or inherited (a child may set visible again). */
  invisible: boolean;
}

/**
 * Follows which elements are open while a page's markup is scanned, to tell whether text at the
 * current point is hidden by the markup itself: the `hidden` attribute, or an inline `display:none`
 * or `visibility:hidden`/`collapse`. Style sheets and scripts are not evaluated, so text they hide
 * is not known to be hidden (callers say so), and text they reveal is still reported hidden.
 */
export class HiddenElementTracker {
  private readonly open: OpenElement[] = [];
  /** Open elements by name, so a tag with nothing of its kind open costs no search of the stack. */
  private readonly openCount = new Map<string, number>();
  private noneDepth = 0;

  /** Whether text at this point is hidden by the markup. */
  get hidden(): boolean {
    return this.noneDepth > 0 || (this.open.at(-1)?.invisible ?? false);
  }

  /** A start tag: `tag` is its whole text, from `<` to `>`. */
  start(name: string, tag: string): void {
    if (CLOSES_P.has(name)) this.closeWithin(['p'], P_SCOPE);
    const implied = IMPLIED[name];
    if (implied) this.closeWithin(implied.closes, implied.within);
    if (VOID.has(name) || /\/\s*>$/.test(tag)) return;
    const { none, visibility } = hidingOf(tag);
    const parentInvisible = this.open.at(-1)?.invisible ?? false;
    const element = { name, none, invisible: visibility === null ? parentInvisible : visibility === 'hidden' };
    this.open.push(element);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    if (none) this.noneDepth += 1;
  }

  /** An end tag: closes its element and any left open inside it; a stray one changes nothing. */
  end(name: string): void {
    const at = this.find([name], []);
    if (at >= 0) this.popTo(at);
  }

  private closeWithin(names: string[], boundaries: string[]): void {
    const at = this.find(names, boundaries);
    if (at >= 0) this.popTo(at);
  }

  private find(names: string[], boundaries: string[]): number {
    if (!names.some((n) => this.openCount.get(n))) return -1;
    for (let i = this.open.length - 1; i >= Math.max(0, this.open.length - SEARCH_DEPTH); i -= 1) {
      const name = this.open[i]!.name;
      if (names.includes(name)) return i;
      if (boundaries.includes(name)) return -1;
    }
    return -1;
  }

  private popTo(index: number): void {
    while (this.open.length > index) {
      const closed = this.open.pop()!;
      this.openCount.set(closed.name, this.openCount.get(closed.name)! - 1);
      if (closed.none) this.noneDepth -= 1;
    }
  }
}

/**
 * The hiding a start tag states itself. The `hidden` attribute is display:none by the browser's own
 * style sheet, which an inline display overrides; of repeated declarations the last one counts.
 */
function hidingOf(tag: string): { none: boolean; visibility: 'hidden' | 'visible' | null } {
  let hiddenAttribute = false;
  let display: string | null = null;
  let visibility: 'hidden' | 'visible' | null = null;
  const attributes = tag.replace(/^<\s*[a-z][a-z0-9-]*/i, '');
  for (const m of attributes.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (name === 'hidden') hiddenAttribute = true;
    if (name !== 'style') continue;
    for (const declaration of (m[2] ?? m[3] ?? m[4] ?? '').split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const property = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim().toLowerCase().replace(/\s*!important$/, '');
      if (!value) continue;
      if (property === 'display') display = value;
      if (property === 'visibility') visibility = value === 'hidden' || value === 'collapse' ? 'hidden' : value === 'visible' || value === 'initial' ? 'visible' : null;
    }
  }
  return { none: display === null ? hiddenAttribute : display === 'none', visibility };
}
