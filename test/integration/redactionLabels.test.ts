import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Redaction } from '../../src-main/contract/redaction';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { packetArgs } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';

interface PacketReport {
  productionId: string;
  totalPages: number;
  exhibits: { label: string; batesFirstLabel: string; batesLastLabel: string }[];
}

const SSN = '123-45-6789';
const LABEL = 'XXX-XX-6789 [REDACTED - FRCP 5.2(a)(1)]';
/**
 * The SSN's first five digits in any spelling, but not inside a hex run: the packet prints
 * SHA-256 values, and one holding "123a45" once failed a bare /123.?45/ (1 run in ~50).
 */
const SSN_HEAD = /(?<![0-9a-f])123[^0-9a-f]?45(?![0-9a-f])/i;

describe('inline Rule 5.2 labels on text exhibits', () => {
  it('prints the kept form and its label where each value was, wraps long lines alike in the public and the sealed set', async () => {
    const dir = tempDir();
    // Long lines with the SSN at varying places, so some labels fall where a line wraps.
    const lines = Array.from({ length: 160 }, (_, i) => `${i + 1}. ${'word '.repeat(i % 17)}payment by customer SSN ${SSN} for order ${1000 + i}, ${'routed through the marketplace escrow and held '.repeat(1 + (i % 3))}end`);
    const text = path.join(dir, 'ledger.txt');
    fs.writeFileSync(text, `${lines.join('\n')}\n`);
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'Ledger']);
    await dossierJson(['evidence', 'add', file, text]);
    await dossierJson(['redact', 'scan', file]);
    const pending = await dossierJson<Redaction[]>(['redact', 'list', file, '--status', 'pending']);
    expect(pending.map((r) => r.category)).toEqual(['ssn']);
    await dossierJson(['redact', 'accept', file, pending[0]!.id]);

    const pub = path.join(dir, 'public.pdf');
    const report = await dossierJson<PacketReport>(packetArgs(file, pub));
    const shown = execFileSync('pdftotext', [pub, '-'], { encoding: 'utf8' });
    // Wherever the label wraps, the words are all there in order; no digit of the SSN but the last four.
    const flat = shown.replace(/\s+/g, ' ');
    expect(flat.split(LABEL).length - 1).toBe(160);
    expect(flat).not.toMatch(SSN_HEAD);
    // No line breaks inside a label or between it and the kept form it labels.
    const rows = execFileSync('pdftotext', ['-layout', pub, '-'], { encoding: 'utf8' }).split('\n');
    expect(rows.filter((r) => /XXX-XX-6789\s*$|\[REDACTED\s*-?\s*$|FRCP\s*$|^\s*(\d+\s+)?(-\s*)?FRCP|^\s*(\d+\s+)?5\.2\(a\)/.test(r))).toEqual([]);
    const sealedPdf = path.join(dir, "sealed.pdf");
    const sealed = await dossierJson<PacketReport>(['packet', file, '--out', sealedPdf, '--production', report.productionId, '--sealed']);
    expect(sealed.totalPages).toBe(report.totalPages);
    expect(sealed.exhibits.map((e) => [e.batesFirstLabel, e.batesLastLabel])).toEqual(report.exhibits.map((e) => [e.batesFirstLabel, e.batesLastLabel]));
    // The sealed set shows the value with the same label; each page breaks its lines where the public one does.
    const sealedFlat = execFileSync('pdftotext', [sealedPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(sealedFlat.split(`${SSN} [REDACTED - FRCP 5.2(a)(1)]`).length - 1).toBe(160);
    // The page's lines in reading order, without the footer (pdftotext places the sealed legend and footer elsewhere in its flow).
    const pageText = (f: string, page: number) =>
      execFileSync('pdftotext', ['-f', String(page), '-l', String(page), f, '-'], { encoding: 'utf8' }).split('\n').filter((l) => l.trim() !== '' && l !== 'FILED UNDER SEAL' && !/^Exhibit 1 · page/.test(l)).join('\n');
    let compared = 0;
    for (let page = 1; page <= report.totalPages; page++) {
      const publicPage = pageText(pub, page);
      if (!publicPage.includes(LABEL)) continue;
      // Same rows, broken at the same places: the sealed page is the public one with the value shown.
      expect(pageText(sealedPdf, page).replaceAll(SSN, 'XXX-XX-6789'), `page ${page}`).toBe(publicPage);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it("labels the values of an e-mail, its body and an image attachment's name wherever the packet prints them", async () => {
    const dir = tempDir();
    const png = createCanvas(80, 40).toBuffer('image/png').toString('base64');
    const eml = path.join(dir, 'wire.eml');
    fs.writeFileSync(eml, [
      'From: Seller <seller@shop.example>', 'To: Buyer <buyer@mail.example>', 'Subject: Your SSN', 'Date: Mon, 5 Feb 2024 10:00:00 +0000',
      'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset=utf-8', '',
      `Your SSN ${SSN} is on the scan.`, '--b1', `Content-Type: image/png; name="scan SSN ${SSN}.png"`, 'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="scan SSN ${SSN}.png"`, '', png, '--b1--', '',
    ].join('\r\n'));
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'Mail']);
    await dossierJson(['evidence', 'add', file, eml]);
    await dossierJson(['redact', 'scan', file]);
    for (const r of await dossierJson<Redaction[]>(['redact', 'list', file])) await dossierJson(['redact', 'accept', file, r.id]);
    const pub = path.join(dir, 'public.pdf');
    const result = await dossier([...packetArgs(file, pub), '--json']);
    expect(result.status, result.stderr).toBe(0);
    const flat = execFileSync('pdftotext', [pub, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flat).toContain(`Your SSN ${LABEL} is on the scan.`);
    // The attachment's page header names it as the message's list does: redacted and labelled.
    expect(flat).toContain(`attachment 1: scan SSN ${LABEL}.png (image/png`);
    expect(flat).not.toMatch(SSN_HEAD);
  });

  it('refuses to redact a text that the printed labels hold', async () => {
    const dir = tempDir();
    const text = path.join(dir, 'memo.txt');
    fs.writeFileSync(text, 'Under FRCP 5.2(a) the filing is redacted.\n');
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'Memo']);
    await dossierJson(['evidence', 'add', file, text]);
    const result = await dossier(['redact', 'add', file, '1', '--text', 'FRCP 5.2(a)']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/part of the labels printed on redacted places.*INVALID_REQUEST|INVALID_REQUEST.*part of the labels/);
    expect(await dossierJson<Redaction[]>(['redact', 'list', file])).toEqual([]);
  });
});
