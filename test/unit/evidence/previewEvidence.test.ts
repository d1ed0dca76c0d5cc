import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { previewEvidence, previewEvidenceWithEmail } from '../../../src-main/evidence/previewEvidence';
import iconv from 'iconv-lite';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';
import { tinyPng, writeBulkFile, writeFile } from './evidenceFiles';

describe('previewEvidence', () => {
  it('shows text as text, HTML as its source, and caps both', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const html = '<html><body><script>alert(1)</script><p>Shop</p></body></html>';
    const { items } = await importEvidence(cf, [writeFile(dir, 'page.html', html), writeFile(dir, 'notes.txt', 'é'.repeat(1000))]);
    const page = previewEvidence(cf, items[0]!.evidence.id);
    expect(page).toEqual({ media_type: 'text/html', text: html, image_data_url: null, truncated: false, charset: 'utf-8' });
    // 2000 bytes of two-byte characters, capped at 101 bytes: 50 whole characters, no broken one.
    const capped = previewEvidence(cf, items[1]!.evidence.id, 101);
    expect(capped).toMatchObject({ text: 'é'.repeat(50), truncated: true, image_data_url: null });
  });

  it('inlines small raster images as data URLs and nothing for binary data', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const { items } = await importEvidence(cf, [writeFile(dir, 'shot.png', tinyPng()), writeBulkFile(dir, 'blob.bin', 1000, 3)]);
    const image = previewEvidence(cf, items[0]!.evidence.id);
    expect(image.text).toBeNull();
    expect(image.image_data_url).toBe(`data:image/png;base64,${tinyPng().toString('base64')}`);
    expect(previewEvidence(cf, items[1]!.evidence.id)).toEqual({
      media_type: 'application/octet-stream', text: null, image_data_url: null, truncated: false,
    });
  });

  it('never inlines SVG (it can carry script): it is shown as text', async () => {
    const cf = newTestCase();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const { items } = await importEvidence(cf, [writeFile(tempDir(), 'logo.svg', svg)]);
    expect(previewEvidence(cf, items[0]!.evidence.id)).toMatchObject({ media_type: 'image/svg+xml', text: svg, image_data_url: null });
  });

  it('decodes text in its own charset, as the packet does (Shift-JIS, Windows-1251 HTML with meta)', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const jp = 'これは日本語のページです。価格は五百円。';
    const ru = '<html><head><meta charset="windows-1251"></head><body>Купить аккаунты оптом</body></html>';
    const { items } = await importEvidence(cf, [writeFile(dir, 'jp.txt', iconv.encode(jp, 'shift_jis')), writeFile(dir, 'ru.html', iconv.encode(ru, 'windows-1251'))]);
    expect(previewEvidence(cf, items[0]!.evidence.id)).toMatchObject({ text: jp, charset: 'shift_jis, detected' });
    expect(previewEvidence(cf, items[1]!.evidence.id)).toMatchObject({ text: ru, charset: 'windows-1251' });
  });

  it('shows an e-mail as the packet does: decoded subject, body, attachments with SHA-256', async () => {
    const cf = newTestCase();
    const attachment = Buffer.from('attached bytes');
    const eml = [
      'From: =?utf-8?Q?T=C3=BA?= <tu@example.vn>',
      'To: b@example.com',
      `Subject: =?utf-8?B?${Buffer.from('Hóa đơn 验证码').toString('base64')}?=`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Xin chào',
      '--B',
      'Content-Type: application/octet-stream; name="a.bin"',
      'Content-Disposition: attachment; filename="a.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment.toString('base64'),
      '--B--',
      '',
    ].join('\r\n');
    const { items } = await importEvidence(cf, [writeFile(tempDir(), 'mail.eml', eml)]);
    const preview = await previewEvidenceWithEmail(cf, items[0]!.evidence.id);
    expect(preview.email).toMatchObject({ subject: 'Hóa đơn 验证码', from: 'Tú <tu@example.vn>', bodySource: 'text' });
    expect(preview.email?.body.trim()).toBe('Xin chào');
    expect(preview.email?.attachments).toEqual([
      { name: 'a.bin', mediaType: 'application/octet-stream', size: attachment.length, sha256: createHash('sha256').update(attachment).digest('hex'), disposition: 'attachment' },
    ]);
  });
});
