import { compareText, humanizeCode } from './formatText';
import type { LayoutFlow } from './LayoutFlow';
import { layoutTable } from './layoutTable';
import type { DomainAppendixRow } from './PacketInput';
import type { SectionContext } from './SectionContext';

/**
 * Appendix A: the domains, grouped by registry and then by registrar (the parties a seizure or
 * transfer order is served on), with registrar IANA ids and each registrant as listed. Domains
 * are set in monospace, the A-label (punycode) under any internationalised name, so look-alike
 * characters can be told apart.
 */
export function layoutDomainAppendix(flow: LayoutFlow, ctx: SectionContext): void {
  flow.newPage();
  flow.heading('APPENDIX A: DOMAINS', 13, 6);
  const domains = ctx.input.domains;
  flow.paragraph(
    `${domains.length} domain${domains.length === 1 ? '' : 's'}, grouped by registry and registrar. Where a domain contains characters outside ASCII, its A-label (the form registries use) is shown beneath it.`,
    { font: 'serif', size: 10.5, align: 'left', spaceAfter: 8 },
  );
  if (domains.length === 0) return;
  const byRegistry = groupBy(domains, (d) => d.registry);
  let n = 0;
  for (const [registry, rows] of byRegistry) {
    flow.ensureSpace(100);
    flow.subheading(`Registry: ${registry}`);
    for (const [registrar, group] of groupBy(rows, (d) => `${d.registrarName}\u0000${d.registrarIanaId ?? ''}`)) {
      const [name, iana] = registrar.split('\u0000');
      flow.paragraph(`Registrar: ${name}${iana ? ` (IANA ID ${iana})` : ''} — ${group.length} domain${group.length === 1 ? '' : 's'}`, {
        font: 'serifBold',
        size: 9.5,
        spaceAfter: 3,
        keepLines: 6,
      });
      const sorted = [...group].sort((a, b) => a.order - b.order || compareText(a.domainAscii, b.domainAscii));
      layoutTable(
        flow,
        [
          { header: 'No.', share: 34, align: 'right' },
          { header: 'Domain', share: 190, font: 'mono', size: 7.8 },
          { header: 'Registrant as listed', share: 164 },
          { header: 'Status', share: 80 },
        ],
        sorted.map((d) => [
          `A-${++n}`,
          d.domainUnicode === d.domainAscii ? d.domainAscii : `${d.domainUnicode}\n${d.domainAscii}`,
          d.registrantAsListed ?? '—',
          humanizeCode(d.status),
        ]),
        { size: 8.5, continued: `Registry: ${registry} — Registrar: ${name} (continued)` },
      );
      flow.moveDown(10);
    }
  }
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
