/**
 * One WARC response record written byte by byte, for tests that need what a capture tool may write
 * but warcio's serializer would not: a WARC-Date that is no time, header values in UTF-8 beyond
 * Latin-1, bytes that are not UTF-8 at all. Header values are given as Buffers where the exact
 * bytes matter; strings are written as UTF-8 (WARC 1.1 section 4: header values may be UTF-8).
 */
export function handMadeWarc(options: { url: string | Buffer; date: string | Buffer; html: string }): Buffer {
  const body = Buffer.from(options.html, 'utf8');
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
  const head = Buffer.concat([
    Buffer.from('WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0b5e3c8e-7d2a-4f7e-9a43-2f1d6c0e9b11>\r\nWARC-Date: '),
    Buffer.from(options.date),
    Buffer.from('\r\nWARC-Target-URI: '),
    Buffer.from(options.url),
    Buffer.from(`\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`),
  ]);
  return Buffer.concat([head, http, Buffer.from('\r\n\r\n')]);
}
