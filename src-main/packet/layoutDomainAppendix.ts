import { compareText, groupDigits, humanizeCode } from './formatText';
import type { MixedText } from './isolatedText';
import { GREY, type LayoutFlow, type Rgb } from './LayoutFlow';
import { layoutTable } from './layoutTable';
import type { DomainAppendixRow } from './PacketInput';
import type { FontRole } from '../fonts/packetFonts';
import type { SectionContext } from './SectionContext';

const COLUMN_GAP = 18;
const COLUMNS = 2;
const FLAG_RED: Rgb = [0.6, 0.05, 0.05];

/**
 * Appendix A: one entry per registrable domain (the unit a registry suspends or transfers), the
 * subdomains and URLs of the order folded in and listed under it in small type, grouped by
 * registry (with its contact, where the case records one) and then by registrar. Each entry
 * gives the U-label and, for internationalised names, the A-label registries use, and its flags
 * (IDN, mixed script, look-alike of ...). Set in two columns, one entry per line, so a few
 * thousand domains take a few dozen pages and stay searchable. Registrant and status appear
 * only when asked for (`--columns`), in a table instead.
 */
export function layoutDomainAppendix(flow: LayoutFlow, ctx: SectionContext): void {
  flow.newPage();
  const options = ctx.input.appendix ?? { heading: 'Appendix A: Domains', columns: true };
  flow.heading(options.heading.toUpperCase(), 13, 6);
  const domains = ctx.input.domains;
  const folded = domains.reduce((n, d) => n + (d.folded?.length ?? 0), 0);
  // An IP address is listed but is no registrable domain: counted apart (absent from frozen inputs, which print as filed).
  const ips = domains.filter((d) => d.ipAddress === true).length;
  const registrable = domains.length - ips;
  flow.paragraph(
    `${groupDigits(registrable)} registrable domain${registrable === 1 ? '' : 's'}${ips > 0 ? ` and ${groupDigits(ips)} IP address${ips === 1 ? '' : 'es'}` : ''}${folded > 0 ? `; ${groupDigits(folded)} more name${folded === 1 ? '' : 's'} of the order (subdomains, URLs) ${folded === 1 ? 'is' : 'are'} listed under the domain ${folded === 1 ? 'it belongs' : 'they belong'} to` : ''}, grouped by registry and registrar. Internationalised names are given as U-label and, in brackets, the A-label registries use; flags in red.`,
    { font: 'serif', size: 10, align: 'left', spaceAfter: 8 },
  );
  if (domains.length === 0) return;
  if (options.columns) layoutAsTable(flow, domains);
  else layoutCompact(flow, domains);
}

/** Two columns of one-line entries; a group heading is never left alone at the foot of a column. */
function layoutCompact(flow: LayoutFlow, domains: DomainAppendixRow[]): void {
  const width = (flow.contentWidth - COLUMN_GAP * (COLUMNS - 1)) / COLUMNS;
  let column = 0;
  let top = flow.y;
  let y = flow.y;
  const x = (): number => flow.left + column * (width + COLUMN_GAP);
  const room = (height: number): void => {
    if (y - height >= flow.bottom) return;
    if (column < COLUMNS - 1) {
      column++;
    } else {
      flow.newPage();
      column = 0;
      top = flow.y;
    }
    y = top;
  };
  const line = (text: string | MixedText, font: FontRole, size: number, indent: number, color?: Rgb, reserve = 0): void => {
    for (const part of flow.wrap(text, font, size, width - indent)) {
      const leading = size * 1.22;
      room(leading + reserve);
      y -= leading;
      flow.text(part, x() + indent, y, { font, size, ...(color ? { color } : {}) });
    }
  };
  let n = 0;
  const labelWidth = `A-${domains.length}`.length;
  for (const [registry, rows] of groupBy(domains, (d) => d.registry)) {
    y -= 6;
    line(`Registry: ${registry}`, 'serifBold', 9, 0, undefined, 40);
    const contact = rows.find((r) => r.registryContact)?.registryContact;
    line(contact ? `Contact: ${contact}` : 'Contact: not recorded in the case', 'serif', 7.5, 0, GREY, 30);
    for (const [registrar, group] of groupBy(rows, (d) => `${d.registrarName}\u0000${d.registrarIanaId ?? ''}`)) {
      const [name, iana] = registrar.split('\u0000');
      y -= 2;
      line(registrarHeading(name ?? '', iana, groupDigits(group.length), group.length), 'serifBold', 7.5, 0, undefined, 20);
      for (const d of sorted(group)) {
        n++;
        const name = d.domainUnicode === d.domainAscii ? d.domainAscii : `${d.domainUnicode} (${d.domainAscii})`;
        // Numbers padded to one width so the names line up (monospace).
        line(`${`A-${n}`.padEnd(labelWidth)} ${name}`, 'mono', 7.2, 4);
        if (d.flags && d.flags.length > 0) line(d.flags.join(' · '), 'serifItalic', 6.8, 24, FLAG_RED);
        for (const f of d.folded ?? []) line(f, 'mono', 6, 24, GREY);
      }
    }
  }
  flow.y = column === 0 ? y : Math.min(y, flow.y);
}

/** The table form (with registrant and status), one table per registrar. */
function layoutAsTable(flow: LayoutFlow, domains: DomainAppendixRow[]): void {
  let n = 0;
  for (const [registry, rows] of groupBy(domains, (d) => d.registry)) {
    flow.ensureSpace(100);
    flow.subheading(`Registry: ${registry}`);
    const contact = rows.find((r) => r.registryContact)?.registryContact;
    if (contact) flow.paragraph(`Contact: ${contact}`, { font: 'serif', size: 8.5, spaceAfter: 3 });
    for (const [registrar, group] of groupBy(rows, (d) => `${d.registrarName}\u0000${d.registrarIanaId ?? ''}`)) {
      const [name, iana] = registrar.split('\u0000');
      flow.paragraph(registrarHeading(name ?? '', iana, String(group.length), group.length), {
        font: 'serifBold',
        size: 9.5,
        spaceAfter: 3,
        keepLines: 6,
      });
      layoutTable(
        flow,
        [
          { header: 'No.', share: 34, align: 'right' },
          { header: 'Domain', share: 190, font: 'mono', size: 7.8 },
          { header: 'Registrant as listed', share: 164 },
          { header: 'Status', share: 80 },
        ],
        sorted(group).map((d) => [
          `A-${++n}`,
          [d.domainUnicode === d.domainAscii ? d.domainAscii : `${d.domainUnicode}\n${d.domainAscii}`, ...(d.flags?.length ? [`[${d.flags.join('; ')}]`] : []), ...(d.folded ?? []).map((f) => `  ${f}`)].join('\n'),
          d.registrantAsListed ?? '—',
          humanizeCode(d.status),
        ]),
        { size: 8.5, continued: ['Registry: ', { isolate: registry }, ' — Registrar: ', { isolate: name ?? '' }, ' (continued)'] },
      );
      flow.moveDown(10);
    }
  }
}

/**
 * "Registrar: <name> (IANA ID n) — N domains", the name isolated (see MixedText): a Hebrew or
 * Arabic registrar's name reads right to left inside the line while the line, the IANA ID and
 * the count stay where a left-to-right reader expects them, after the name.
 */
function registrarHeading(name: string, iana: string | undefined, shownCount: string, count: number): MixedText {
  return ['Registrar: ', { isolate: name }, `${iana ? ` (IANA ID ${iana})` : ''} — ${shownCount} domain${count === 1 ? '' : 's'}`];
}

function sorted(group: DomainAppendixRow[]): DomainAppendixRow[] {
  return [...group].sort((a, b) => a.order - b.order || compareText(a.domainAscii, b.domainAscii));
}

/** Groups in a locale-independent alphabetical order of the key. */
function groupBy(rows: DomainAppendixRow[], key: (d: DomainAppendixRow) => string): [string, DomainAppendixRow[]][] {
  const groups = new Map<string, DomainAppendixRow[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return [...groups].sort((a, b) => compareText(a[0], b[0]));
}
