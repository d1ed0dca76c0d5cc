import { describe, expect, it } from 'vitest';
import { detectMediaType, sniffText } from '../../../src-main/evidence/detectMediaType';
import { htmlToText } from '../../../src-main/evidence/htmlToText';
import { mimeToText } from '../../../src-main/evidence/mimeToText';

describe('text for the search index', () => {
  it('reduces HTML to its words: no script, style or tags, entities decoded, blocks on their own lines', () => {
    const html = '<html><head><title>Shop &amp; more</title><style>p{}</style></head><body><p>Price&nbsp;5&#8364;</p>' +
      '<SCRIPT type="x">var secret = 1;</SCRIPT><div>Next<br>line &lt;b&gt;</div><!-- hidden --></body></html>';
    expect(htmlToText(html)).toBe('Shop & more\nPrice 5€\nNext\nline <b>');
  });

  it('decodes e-mail parts: base64, other charsets, nested messages, attachment names', () => {
    const raw = [
      'From: =?iso-8859-1?Q?Andr=E9?= <a@example.org>', 'To: b@example.org', 'Subject: Invoice', 'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"', '', 'preamble', '--outer',
      'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: base64', '',
      Buffer.from('Caf\u00e9 payment', 'latin1').toString('base64'), '--outer',
      'Content-Type: application/pdf; name="invoice-44.pdf"', 'Content-Disposition: attachment; filename="invoice-44.pdf"',
      'Content-Transfer-Encoding: base64', '', 'JVBERi0xLjQK', '--outer',
      'Content-Type: message/rfc822', '', 'Subject: Forwarded', 'Content-Type: text/html', '', '<p>inner <b>words</b></p>', '--outer--', 'epilogue',
    ].join('\r\n');
    const text = mimeToText(Buffer.from(raw, 'utf8').toString('latin1'));
    expect(text).toContain('from: André <a@example.org>');
    expect(text).toContain('subject: Invoice');
    expect(text).toContain('Café payment');
    expect(text).toContain('attachment: invoice-44.pdf');
    expect(text).toContain('subject: Forwarded');
    expect(text).toContain('inner words');
    expect(text).not.toContain('JVBERi0');
    expect(text).not.toContain('preamble');
  });

  it('tells text from binary, including UTF-16 with a BOM and legacy single-byte text', () => {
    expect(sniffText(Buffer.from('plain ascii'))).toBe('plain ascii');
    expect(sniffText(Buffer.from([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]))).toBe('hi');
    expect(sniffText(Buffer.from('caf\u00e9 log line\n', 'latin1'))).toBe('café log line\n');
    expect(sniffText(Buffer.from([0x89, 0x50, 0x00, 0x01]))).toBeNull();
    // A multi-byte character cut at the end of the sample is still text.
    expect(sniffText(Buffer.from('ab€', 'utf8').subarray(0, 4))).toBe('ab');
  });

  it('stays fast on hostile input (these hung or took seconds with backtracking regular expressions)', async () => {
    expect(await detectMediaType(Buffer.from(`${'<!--x-->'.repeat(8000)}junk`), 'x.dat', true)).toBe('text/plain');
    expect(await detectMediaType(Buffer.from(`${'<!--x-->'.repeat(10)}<html><body>`), 'x.dat', true)).toBe('text/html');
    expect(await detectMediaType(Buffer.from('a: b\n'.repeat(13000)), 'x.dat', true)).toBe('text/plain');
    expect(htmlToText('<script'.repeat(200000))).toBe('');
    expect(htmlToText(`<head>${'<title'.repeat(100000)}`)).toBe('');
    expect(htmlToText('<!--'.repeat(300000))).toBe('');
    const nested = `From: a\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${'--b\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n'.repeat(50000)}`;
    expect(mimeToText(nested)).toBe('from: a');
  });
});

describe('media type of UTF-16 text with a byte-order mark', () => {
  it('is text, not audio/mpeg (FF FE looks like an MPEG frame sync to magic-number sniffing)', async () => {
    const log = `\uFEFF${'2024-01-05 12:00:01 login from 203.0.113.7 user=ops\r\n'.repeat(40)}`;
    expect(await detectMediaType(Buffer.from(log, 'utf16le'), 'events.log', true)).toBe('text/plain');
    const csv = `\uFEFFdomain,registrar\r\nhotmailbox.me,NameSilo\r\n1stcaptcha.com,NameSilo\r\nanycaptcha.com,NameSilo\r\n`;
    expect(await detectMediaType(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csv.slice(1), 'utf16le').swap16()]), 'list.csv', true)).toBe('text/csv');
  });

  it('but bytes after FF FE that do not read as text stay binary', async () => {
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 73 + 11) % 256;
    noise[0] = 0xff;
    noise[1] = 0xfe;
    expect(await detectMediaType(noise, 'blob.bin', true)).not.toMatch(/^text\//);
  });
});
