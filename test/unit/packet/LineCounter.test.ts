import { describe, expect, it } from 'vitest';
import { countLines, LineCounter } from '../../../src-main/packet/LineCounter';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('LineCounter', () => {
  it('ends a line at CR LF, LF or a lone CR, as the transcript pages split them', () => {
    expect(countLines(bytes(''), 'utf-8')).toBe(0);
    expect(countLines(bytes('a'), 'utf-8')).toBe(1);
    expect(countLines(bytes('a\n'), 'utf-8')).toBe(1);
    expect(countLines(bytes('a\r\nb\r\n'), 'utf-8')).toBe(2);
    expect(countLines(bytes('login admin\rdownload config\rlogout\r'), 'utf-8')).toBe(3);
    expect(countLines(bytes('a\r\rb'), 'utf-8')).toBe(3);
    expect(countLines(bytes('a\n\nb\n'), 'utf-8')).toBe(3);
  });

  it('counts a CR LF split across two chunks once', () => {
    const counter = new LineCounter();
    counter.push(bytes('one\r'));
    counter.push(bytes('\ntwo\r'));
    counter.push(bytes('three'));
    expect(counter.total()).toBe(3);
  });

  it('reads UTF-16 code units, little- and big-endian, split across chunks', () => {
    const le = Buffer.from('a\rb\r\nc', 'utf16le');
    expect(countLines(le, 'utf-16le')).toBe(3);
    const be = Buffer.from(le).swap16();
    expect(countLines(be, 'utf-16be')).toBe(3);
    // U+0A0D (Gurmukhi) is neither CR nor LF though it holds both bytes.
    expect(countLines(Buffer.from('\u0a0d\u0d0a', 'utf16le'), 'utf-16le')).toBe(1);
    const counter = new LineCounter('utf-16le');
    counter.push(le.subarray(0, 3));
    counter.push(le.subarray(3));
    expect(counter.total()).toBe(3);
  });
});
