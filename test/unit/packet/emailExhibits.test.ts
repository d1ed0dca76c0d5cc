import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import type { PacketInput } from '../../../src-main/packet/PacketInput';
import { exhibit, makePng, packetInput } from './packetFixtures';
import { qpdfCheck } from './pdfTools';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function exportOne(input: PacketInput): Promise<{ text: string; pages: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-mail-'));
  dirs.push(dir);
  const file = path.join(dir, 'packet.pdf');
  await exportPacket(input, file);
  if (process.env.DOSSIER_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.DOSSIER_KEEP_PDF, `${expect.getState().currentTestName?.slice(0, 40).replace(/\W+/g, '-')}.pdf`));
  expect(qpdfCheck(file).status).toBe(0);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return { text, pages: text.split('\f') };
}

const SUBJECT = 'Hóa đơn thanh toán — 验证码 invoice';
const b64 = (b: Uint8Array | string): string => Buffer.from(b).toString('base64').replace(/.{76}/g, '$&\r\n');
const png = makePng(40, 30, (x, y) => [x * 6, y * 8, 120]);
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% not really a PDF, an attachment to hash\n');

/** A MIME message as an Outlook-like client sends it: encoded-word subject and names, text + HTML alternative, two attachments. */
function mimeMessage(): Uint8Array {
  const encodedSubject = `=?utf-8?B?${Buffer.from(SUBJECT).toString('base64')}?=`;
  const lines = [
    'Return-Path: <tu@example.vn>',
    'Received: from mail.example.vn (mail.example.vn [203.0.113.7])',
    '\tby mx.example.com with ESMTPS id abc123; Sat, 01 Mar 2025 10:00:00 +0700',
    `From: =?utf-8?Q?D=C6=B0=C6=A1ng_=C4=90=C3=ACnh_T=C3=BA?= <tu@example.vn>`,
    'To: "Support" <support@captcha-solve.com>',
    'Cc: billing@example.com',
    `Subject: ${encodedSubject}`,
    'Date: Sat, 01 Mar 2025 10:00:00 +0700',
    'Message-ID: <msg-1@example.vn>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="OUTER"',
    '',
    '--OUTER',
    'Content-Type: multipart/alternative; boundary="ALT"',
    '',
    '--ALT',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Xin ch=C3=A0o, vui l=C3=B2ng thanh to=C3=A1n h=C3=B3a =C4=91=C6=A1n.',
    '',
    '--ALT',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Xin chào <script>alert(1)</script></p>',
    '--ALT--',
    '',
    '--OUTER',
    'Content-Type: image/png; name="screenshot.png"',
    'Content-Disposition: attachment; filename="screenshot.png"',
    'Content-Transfer-Encoding: base64',
    '',
    b64(png),
    '--OUTER',
    'Content-Type: application/pdf; name="=?utf-8?B?' + Buffer.from('hóa-đơn.pdf').toString('base64') + '?="',
    'Content-Disposition: attachment',
    'Content-Transfer-Encoding: base64',
    '',
    b64(pdfBytes),
    '--OUTER--',
    '',
  ];
  return new TextEncoder().encode(lines.join('\r\n'));
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('e-mail exhibits', () => {
  it('shows a MIME message as a mail client does: decoded headers, body, attachments with SHA-256, raw headers after', async () => {
    const { text, pages } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'Invoice mail', mediaType: 'message/rfc822', originalName: 'invoice.eml', bytes: mimeMessage() }, 1)], { sections: ['exhibits'] }),
    );
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain(SUBJECT);
    expect(text).toContain('Dương Đình Tú <tu@example.vn>');
    expect(text).toContain('Support <support@captcha-solve.com>');
    expect(text).toContain('billing@example.com');
    expect(text).toContain('Xin chào, vui lòng thanh toán hóa đơn.');
    expect(text).toContain('screenshot.png');
    expect(text).toContain('hóa-đơn.pdf');
    expect(text).toContain(sha256(png));
    expect(text).toContain(sha256(pdfBytes));
    // The raw headers are on a page of their own, after the message.
    const raw = pages.findIndex((p) => p.includes('Raw headers, as stored'));
    expect(raw).toBeGreaterThan(1);
    expect(pages[raw]).toContain('Received: from mail.example.vn');
    expect(pages[raw]).toContain('=?utf-8?B?');
    expect(pages[raw]).not.toContain('Xin ch');
    // Only the raw header page shows encoded words; the message view has them decoded.
    expect(pages.slice(0, raw).join('')).not.toContain('=?utf-8?');
    expect(pages[0]?.replace(/\s+/g, ' ')).toMatch(/2 attachments listed with SHA-256 \(1 image shown after the message\)/);
    // The PNG attachment is drawn on the last page, after the raw headers; the PDF one only listed.
    const last = pages.filter((p) => p.trim() !== '').at(-1) ?? '';
    expect(last).toContain('attachment 1: screenshot.png (image/png, 40 × 30 pixels)');
    expect(last).toMatch(/page 3 of 3/);
  });

  it('shows an HTML-only message as its text, never its markup or script', async () => {
    const raw = ['From: a@example.com', 'To: b@example.com', 'Subject: html', 'Content-Type: text/html; charset=windows-1251', '', '<html><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p><script>steal()</script></body></html>', ''].join('\r\n');
    const { text } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'HTML mail', mediaType: 'message/rfc822', originalName: 'h.eml', bytes: new Uint8Array(Buffer.from(raw, 'latin1')) }, 1)], { sections: ['exhibits'] }),
    );
    expect(text).toContain('Привет');
    expect(text).toContain('only an HTML body');
    expect(text).not.toContain('steal()');
    expect(text).not.toContain('<p>');
  });

  it('shows an mbox file as one exhibit with an index, each message from a new page', async () => {
    const one = ['From: a@example.com', 'To: b@example.com', 'Subject: first', 'Date: Mon, 03 Mar 2025 09:00:00 +0000', '', 'Body one', '>From the desk of A', ''].join('\n');
    const two = ['From: c@example.com', 'To: b@example.com', 'Subject: second', '', 'Body two', ''].join('\n');
    const mbox = `From a@example.com Mon Mar  3 09:00:00 2025\n${one}\nFrom c@example.com Tue Mar  4 09:00:00 2025\n${two}`;
    const { pages } = await exportOne(
      packetInput([exhibit({ label: 'Exhibit 1', title: 'Mailbox', mediaType: 'application/mbox', originalName: 'box.mbox', bytes: new TextEncoder().encode(mbox) }, 1)], { sections: ['exhibits'] }),
    );
    expect(pages[1]).toContain('2 messages');
    expect(pages[1]).toMatch(/1\. .*a@example\.com.*first/);
    expect(pages[1]).toMatch(/2\. .*c@example\.com.*second/);
    const first = pages.findIndex((p) => p.includes('Message 1 of 2'));
    const second = pages.findIndex((p) => p.includes('Message 2 of 2'));
    expect(first).toBeGreaterThan(1);
    expect(second).toBeGreaterThan(first);
    expect(pages[first]).toContain('From the desk of A');
    expect(pages[first]).not.toContain('>From the desk');
    expect(pages[second]).toContain('Body two');
  });
});
