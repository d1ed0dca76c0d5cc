import { describe, expect, it } from 'vitest';
import { hasPdfHeader } from '../../../src-main/evidence/hasPdfHeader';

const ascii = (s: string) => new TextEncoder().encode(s);
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('hasPdfHeader', () => {
  it('takes a header at offset 0, even in an all-ASCII PDF', () => {
    expect(hasPdfHeader(ascii('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'))).toBe(true);
  });

  it('takes a header after junk when the file is binary, as real PDFs with a prefix are', () => {
    const junk = new Uint8Array(128); // a MacBinary header: mostly zero bytes
    const body = join(ascii('%PDF-1.7\n%'), new Uint8Array([0xe2, 0xe3, 0xcf, 0xd3]), ascii('\n1 0 obj'));
    expect(hasPdfHeader(join(junk, body))).toBe(true);
  });

  it('does not take text that mentions the header for a PDF', () => {
    expect(hasPdfHeader(ascii('proxy log\nGET /invoice.pdf 200 first bytes: %PDF-1.7\n'))).toBe(false);
  });

  it('ignores a header past the first KiB', () => {
    expect(hasPdfHeader(join(new Uint8Array(1100), ascii('%PDF-1.7\n')))).toBe(false);
  });
});
