import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetHow, decodeText } from '../../../src-main/evidence/decodeText';

describe('decodeText on text that is not clean', () => {
  it('reads UTF-8 with one stray byte as UTF-8, the bad byte as U+FFFD, and says so (it gave Windows-1252 mojibake: "JosÃ©")', () => {
    const bytes = Buffer.concat([Buffer.from('José Müller paid 5€ to Zoë.\n'), Buffer.from([0xff]), Buffer.from(' more text\n')]);
    const decoded = decodeText(bytes);
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toBe('José Müller paid 5€ to Zoë.\n\uFFFD more text\n');
    expect(charsetHow(decoded.source)).toBe(', with bytes that are not UTF-8 shown as \uFFFD');
  });

  it('still takes a single-byte charset when most of its non-ASCII bytes are not UTF-8', () => {
    const latin = iconv.encode('Le café était très crème brûlée, naïve à côté.\n', 'windows-1252');
    const decoded = decodeText(latin);
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text).toBe('Le café était très crème brûlée, naïve à côté.\n');
    expect(charsetHow(decoded.source)).toBe(', detected');
  });

  it('names a last-resort Windows-1252 a guess, not a detection', () => {
    expect(charsetHow('fallback')).toBe(', guessed');
    expect(charsetHow('bom')).toBe('');
    expect(charsetHow('valid-utf-8')).toBe('');
  });
});
