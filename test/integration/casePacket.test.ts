import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pages = (file: string) => pdftotext(file).split('\f').filter((p) => p.trim() !== '');

/** The demo case and its default-judgment order, made in this process (the export under test may spawn). */
async function demoWithOrder(dir: string): Promise<{ file: string; orderId: string }> {
  const file = path.join(dir, 'storm.dossier');
  await dossierJson(['demo', file]);
  const orders = (await dossierJson<{ items: { id: string; title: string }[] }>(['list', file, 'orders'])).items;
  return { file, orderId: orders.find((o) => o.title.startsWith('Default judgment'))!.id };
}

describe('filing packet from a case file', () => {
  it('exports the demo case: Bates on every page in order, index and hashes match the case, Storm-1152 domains in Appendix A', async () => {
    const dir = tempDir();
    const { file, orderId } = await demoWithOrder(dir);
    const out = path.join(dir, 'packet.pdf');
    const result = runCliJson<{ totalPages: number; exhibits: { exhibitId: string; label: string; batesFirstLabel: string; batesLastLabel: string; batesFirst: number; batesLast: number }[]; volumes: { sha256: string }[] }>([
      'packet', file, '--out', out, '--order', orderId, '--bates-prefix', 'MSFT-', '--bates-start', '100', '--layout', 'combined', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington',
    ]);
    const text = pages(out);
    expect(text).toHaveLength(result.totalPages);
    text.forEach((page, i) => expect(page).toContain(`MSFT-${String(100 + i).padStart(6, '0')}`));
    const all = text.join('\n');
    for (const domain of ['hotmailbox.me', '1stcaptcha.com', 'anycaptcha.com', 'nonecaptcha.com', 'rockcaptcha.com']) expect(all).toContain(domain);
    const evidence = runCliJson<{ items: { id: string; sha256: string }[] }>(['list', file, 'evidence']).items;
    for (const exhibit of evidence) expect(all).toContain(exhibit.sha256);
    for (const placed of result.exhibits) {
      // The slip sheet of each exhibit sits on the page its Bates range starts on.
      expect(text[placed.batesFirst - 100]).toContain(placed.label);
      expect(all).toContain(`${placed.batesFirstLabel} –`);
    }
    expect(execFileSync('qpdf', ['--check', out], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const outline = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', out], { encoding: 'utf8' })) as { outlines: { title: string }[] };
    expect(outline.outlines.map((o) => o.title)).toEqual(expect.arrayContaining(['Index of Exhibits', 'Appendix A: Domains']));
    const pdf = fs.readFileSync(out).toString('latin1');
    for (const forbidden of ['/JavaScript', '/Encrypt', '/EmbeddedFile', '/AcroForm']) expect(pdf).not.toContain(forbidden);
    // Recorded in the case: Bates ranges and an "exported" custody event per exhibit.
    const custody = runCliJson<{ events: { action: string; details: string }[] }>(['custody', file, result.exhibits[0]!.exhibitId]).events;
    expect(custody.at(-1)).toMatchObject({ action: 'exported' });
    expect(custody.at(-1)!.details).toContain(`${result.exhibits[0]!.batesFirstLabel}–${result.exhibits[0]!.batesLastLabel}`);
    const stored = execFileSync('sqlite3', [file, 'SELECT exhibit_label, bates_first, bates_last FROM packet_exhibit ORDER BY bates_first;'], { encoding: 'utf8' }).trim().split('\n');
    expect(stored).toEqual(result.exhibits.map((e) => `${e.label}|${e.batesFirstLabel}|${e.batesLastLabel}`));
    expect(runCliJson<{ ok: boolean }>(['audit', 'verify', file]).ok).toBe(true);
  });

  it('gives the same bytes when a production is exported again', async () => {
    const dir = tempDir();
    const { file, orderId } = await demoWithOrder(dir);
    const a = path.join(dir, 'a.pdf');
    const b = path.join(dir, 'b.pdf');
    const { productionId } = await dossierJson<{ productionId: string }>(['packet', file, '--out', a, '--order', orderId, '--layout', 'combined', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    await dossierJson(['packet', file, '--out', b, '--production', productionId]);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });

  it('refuses bad options with a clear message and writes nothing', async () => {
    const dir = tempDir();
    const { file } = await demoWithOrder(dir);
    const out = path.join(dir, 'x.pdf');
    const cases: [string[], RegExp][] = [
      [['--sections', 'cover,appendix'], /Appendix A lists the domains of one court order/],
      [['--sections', 'cover,bogus'], /Unknown section/],
      [['--profile', 'moon-court'], /Unknown court profile/],
      [['--bates-start', '-3'], /--bates-start must be a whole number/],
      [['--exhibits', '01900000-0000-7000-8000-000000000000'], /No exhibit "01900000-0000-7000-8000-000000000000" in this case; give its id, number or label/],
    ];
    for (const [flags, message] of cases) {
      const result = await dossier(['packet', file, '--out', out, ...flags]);
      expect(result.status, flags.join(' ')).not.toBe(0);
      expect(result.stderr).toMatch(message);
    }
    expect(fs.existsSync(out)).toBe(false);
    // The S.D.N.Y. profile expects a declaration: the check says so, fails, and writes nothing.
    const check = await dossier(['packet', file, '--check', '--sections', 'cover,index,exhibits', '--json']);
    expect(check.status).toBe(2);
    expect(JSON.parse(check.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/declaration/i) })]));
    expect(await dossierJson<unknown[]>(['packet', file, '--check', '--profile', 'generic-50mb', '--declarant', 'Jane Roe'])).toEqual([]);
  });
});

describe('packet over the contract', () => {
  it('exports through dispatch with progress events, and refuses a non-PDF path', async () => {
    const { CaseSession } = await import('../../src-main/api/CaseSession');
    const { dispatch } = await import('../../src-main/api/dispatch');
    const { buildDemoCase } = await import('../../src-main/demo/buildDemoCase');
    const { ALICE } = await import('../helpers/testCase');
    const dir = tempDir();
    const progress: string[] = [];
    const session = new CaseSession(ALICE, (p) => progress.push(`${p.taskId}:${p.phase}`));
    session.replace(await buildDemoCase(path.join(dir, 'ui.dossier'), ALICE));
    try {
      const bad = await dispatch(session, 'packet.export', { outPath: path.join(dir, 'p.docx'), options: {} });
      expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('.pdf') } });
      const result = await dispatch(session, 'packet.export', { outPath: path.join(dir, 'p.pdf'), options: { batesPrefix: 'UI-', declarant: { name: 'Jane Roe', role: 'Investigator', place: 'Redmond, Washington' } }, taskId: 't1' });
      expect(result).toMatchObject({ ok: true, value: { exhibits: expect.arrayContaining([expect.objectContaining({ label: 'Exhibit 1', batesFirst: expect.stringMatching(/^UI-\d{6}$/) })]) } });
      expect(progress.some((p) => p.startsWith('t1:Packet'))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'p.pdf'))).toBe(true);
      const profiles = await dispatch(session, 'packet.profiles', {});
      expect(profiles).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ name: 'sdny-ecf' })]) });
    } finally {
      session.close();
    }
  });
});
