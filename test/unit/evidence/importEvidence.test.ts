import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { listCustody } from '../../../src-main/evidence/custody';
import { getEvidence, updateEvidence } from '../../../src-main/evidence/evidenceService';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { searchCase } from '../../../src-main/search/searchCase';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';
import { coreutilsHashes, makePdf, tinyPng, writeBulkFile, writeFile } from './evidenceFiles';

describe('importEvidence', () => {
  it('stores a file with the hashes coreutils computes, numbered, with custody and audit', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const file = writeBulkFile(dir, 'capture.bin', 9 * 1024 * 1024 + 123, 7);
    const { items } = await importEvidence(cf, [file], { acquired_by: 'Alice', source_url: 'https://hotmailbox.me/' });
    const exhibit = items[0]!.evidence;
    expect(exhibit).toMatchObject({ ...coreutilsHashes(file), exhibit_number: 1, exhibit_label: 'Exhibit 1', size_bytes: 9 * 1024 * 1024 + 123 });
    expect(exhibit.content_sha256).toBe(exhibit.sha256);
    expect(items[0]!.duplicateOf).toBeNull();
    const chunks = cf.db.prepare('SELECT count(*) AS n, sum(length(data)) AS bytes FROM evidence_chunk WHERE content_sha256 = ?').get(exhibit.sha256);
    expect(chunks).toEqual({ n: 3, bytes: 9 * 1024 * 1024 + 123 });
    const custody = listCustody(cf, exhibit.id);
    expect(custody.map((c) => c.action)).toEqual(['imported']);
    expect(custody[0]).toMatchObject({ hash_seen: exhibit.sha256, result: 'ok', actor: cf.actor.name });
    expect(verifyAudit(cf.db).ok).toBe(true);

    const second = await importEvidence(cf, [writeFile(dir, 'note.txt', 'hello')]);
    expect(second.items[0]!.evidence.exhibit_label).toBe('Exhibit 2');
  });

  it('detects media types from content, not the name', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const cases: [string, string | Uint8Array, string, string][] = [
      ['renamed.txt', tinyPng(), 'image/png', 'image'],
      ['Screenshot 2023-12-01.png', tinyPng(), 'image/png', 'screenshot'],
      ['page.dat', '<!DOCTYPE html><html><body>x</body></html>', 'text/html', 'web_capture'],
      ['server.log', '2023-12-01 GET /\n2023-12-01 POST /login\n', 'text/plain', 'log'],
      ['payments.csv', 'id,amount\n1,10\n2,20\n', 'text/csv', 'spreadsheet'],
      ['mail.eml', 'From: a@example.org\r\nSubject: hi\r\n\r\nbody\r\n', 'message/rfc822', 'email'],
      ['inbox', 'From a@example.org Mon Mar  3 09:00:00 2025\nFrom: a@example.org\nSubject: hi\n\nbody\n', 'application/mbox', 'email'],
      ['data.json', '{"a": [1, 2]}', 'application/json', 'document'],
      ['site.warc', 'WARC/1.1\r\nWARC-Type: response\r\n\r\n', 'application/warc', 'web_capture'],
      ['blob.bin', Buffer.from([0, 1, 2, 3, 250, 251]), 'application/octet-stream', 'other'],
    ];
    for (const [name, content, mediaType, kind] of cases) {
      const { items } = await importEvidence(cf, [writeFile(dir, name, content)]);
      expect({ name, media: items[0]!.evidence.media_type, kind: items[0]!.evidence.kind }).toEqual({ name, media: mediaType, kind });
    }
  });

  it('stores identical content once and reports the exhibit it duplicates', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const a = writeBulkFile(dir, 'a.bin', 5 * 1024 * 1024, 3);
    const b = path.join(dir, 'b.bin');
    fs.copyFileSync(a, b);
    const first = await importEvidence(cf, [a]);
    const second = await importEvidence(cf, [b], { title: 'Same bytes, other source' });
    const original = first.items[0]!.evidence;
    const copy = second.items[0]!.evidence;
    expect(second.items[0]!.duplicateOf).toBe(original.id);
    expect(copy.id).not.toBe(original.id);
    expect(copy.content_sha256).toBe(original.content_sha256);
    expect(cf.db.prepare('SELECT count(*) FROM evidence_content').pluck().get()).toBe(1);
    expect(cf.db.prepare('SELECT count(*) FROM evidence_chunk').pluck().get()).toBe(2);
    expect(listCustody(cf, copy.id)[0]!.details).toContain(`Same bytes as ${original.exhibit_label}`);
  });

  it('imports several files in one call, a duplicate among them linked', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const paths = [writeFile(dir, 'one.txt', 'one'), writeFile(dir, 'two.txt', 'two'), writeFile(dir, 'again.txt', 'one')];
    const { items } = await importEvidence(cf, paths, { title: 'Batch', tags: ['batch'] });
    expect(items.map((i) => i.evidence.title)).toEqual(['Batch — one.txt', 'Batch — two.txt', 'Batch — again.txt']);
    expect(items[2]!.duplicateOf).toBe(items[0]!.evidence.id);
    expect(items.every((i) => i.evidence.tags[0] === 'batch')).toBe(true);
  });

  it('records an acquisition event when the acquisition time is given', async () => {
    const cf = newTestCase();
    const file = writeFile(tempDir(), 'shot.png', tinyPng());
    const { items } = await importEvidence(cf, [file], {
      acquired_at: '2023-12-05T10:00:00Z',
      acquired_by: 'Alice',
      source_url: 'https://hotmailbox.me/',
      method: 'Chromium full-page screenshot',
    });
    const custody = listCustody(cf, items[0]!.evidence.id);
    expect(custody.map((c) => c.action)).toEqual(['acquired', 'imported']);
    expect(custody[0]).toMatchObject({ at: '2023-12-05T10:00:00.000Z', from_party: 'https://hotmailbox.me/', to_party: 'Alice' });
  });

  it('makes text, HTML, e-mail, MHTML and PDF content findable by a phrase inside', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const files = {
      text: writeFile(dir, 'chat.txt', 'the courier said velvetwombat at noon'),
      html: writeFile(dir, 'shop.html', '<html><head><title>Shop</title><script>var hiddenscriptword=1</script></head><body><p>Aged Outlook <b>quasarlynx</b> accounts</p></body></html>'),
      eml: writeFile(
        dir,
        'offer.eml',
        'From: seller@example.org\r\nTo: buyer@example.org\r\nSubject: =?utf-8?B?' + Buffer.from('Angebot für Konten').toString('base64') + '?=\r\n' +
          'MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n' +
          'Content-Transfer-Encoding: quoted-printable\r\n\r\nPrice list for marsupial=\r\nfalcon bundles =E2=82=AC5\r\n--b1--\r\n',
      ),
      mhtml: writeFile(
        dir,
        'saved.mhtml',
        'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/\r\nSubject: Saved\r\nMIME-Version: 1.0\r\n' +
          'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n------B\r\nContent-Type: text/html\r\n' +
          'Content-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p class=3D"x">glacier=\r\notter checkout</p></body></html>\r\n------B--\r\n',
      ),
      pdf: writeFile(dir, 'invoice.pdf', await makePdf(['Invoice 4471', 'Payment for zebraquokka services'])),
    };
    const { items } = await importEvidence(cf, Object.values(files));
    const idOf = (file: string) => items.find((i) => i.path === file)!.evidence.id;
    const find = (q: string) => searchCase(cf, q).map((h) => h.id);
    expect(find('velvetwombat')).toContain(idOf(files.text));
    expect(find('quasarlynx accounts')).toContain(idOf(files.html));
    expect(find('hiddenscriptword')).toEqual([]);
    expect(find('marsupialfalcon')).toContain(idOf(files.eml));
    expect(find('Angebot für Konten')).toContain(idOf(files.eml));
    expect(find('glacierotter checkout')).toContain(idOf(files.mhtml));
    expect(find('zebraquokka services')).toContain(idOf(files.pdf));
    expect(items.find((i) => i.path === files.mhtml)!.evidence.media_type).toBe('multipart/related');

    // A metadata edit re-indexes the exhibit: its text must stay findable.
    updateEvidence(cf, idOf(files.pdf), { title: 'Invoice from the marketplace' });
    expect(find('zebraquokka')).toContain(idOf(files.pdf));
    expect(find('marketplace invoice')).toContain(idOf(files.pdf));
    expect(getEvidence(cf, idOf(files.pdf)).title).toBe('Invoice from the marketplace');
  });

  it('accepts a zero-byte file and hashes it', async () => {
    const cf = newTestCase();
    const file = writeFile(tempDir(), 'empty.txt', '');
    const { items } = await importEvidence(cf, [file]);
    expect(items[0]!.evidence).toMatchObject({ size_bytes: 0, ...coreutilsHashes(file) });
    expect(cf.db.prepare('SELECT chunk_count FROM evidence_content').pluck().get()).toBe(0);
  });

  it('reports progress in bytes up to the total', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const files = [writeBulkFile(dir, 'a.bin', 6 * 1024 * 1024, 1), writeBulkFile(dir, 'b.bin', 3 * 1024 * 1024, 2)];
    const seen: { done: number; total: number | null }[] = [];
    await importEvidence(cf, files, {}, { onProgress: (p) => seen.push({ done: p.done, total: p.total }) });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every((p) => p.total === 9 * 1024 * 1024)).toBe(true);
    expect(seen.at(-1)!.done).toBe(9 * 1024 * 1024);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((x, y) => x - y));
  });
});
