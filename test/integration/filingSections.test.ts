import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** The orders section of a packet's text: from its heading to the next section's. */
function ordersSection(all: string): string {
  const start = all.indexOf('COURT ORDERS');
  return all.slice(start, all.indexOf('CHAIN OF CUSTODY', start));
}

describe('what the orders section lists (issue 11)', () => {
  it("lists by default only the appendix's order with its ECF number, and exactly the orders chosen with --orders", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'storm.dossier');
    expect((await dossier(['demo', file])).status).toBe(0);
    const orders = (await dossierJson<{ items: { id: string; title: string }[] }>(['list', file, 'orders'])).items;
    const judgment = orders.find((o) => o.title.startsWith('Default judgment'))!;
    const tro = orders.find((o) => o.title.startsWith('Emergency'))!;
    const out = path.join(dir, 'a.pdf');
    await dossierJson(['packet', file, '--out', out, '--order', judgment.id, ...SIGNED]);
    const section = ordersSection(text(out)).replace(/\s+/g, ' ');
    expect(section).toContain('1. Default judgment and permanent injunction (ECF No. 53)');
    expect(section).not.toContain('Emergency ex parte');
    expect(section).not.toContain('Supplemental preliminary');

    const chosen = path.join(dir, 'b.pdf');
    await dossierJson(['packet', file, '--out', chosen, '--orders', `${tro.id},${judgment.id}`, ...SIGNED]);
    const listed = ordersSection(text(chosen)).replace(/\s+/g, ' ');
    expect(listed.indexOf('1. Emergency ex parte temporary restraining order')).toBeGreaterThan(-1);
    expect(listed.indexOf('2. Default judgment')).toBeGreaterThan(listed.indexOf('1. Emergency'));
    expect(listed).toMatch(/ECF No\. not recorded/);
    expect(listed).not.toContain('Supplemental preliminary');

    const none = path.join(dir, 'c.pdf');
    await dossierJson(['packet', file, '--out', none, ...SIGNED]);
    expect(ordersSection(text(none))).toMatch(/No court orders are part of this filing/);
  });
});
