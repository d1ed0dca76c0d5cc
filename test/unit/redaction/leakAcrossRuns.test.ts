import { describe, expect, it } from 'vitest';
import { pageTextWithBarriers } from '../../../src-main/redaction/findLeaks';
import { foldedTextHolds, compactForm } from '../../../src-main/redaction/valuePattern';

const run = (str: string, x: number, y: number, width: number, hasEOL = false) => ({ str, transform: [8, 0, 0, 8, x, y], width, height: 8, hasEOL });

/** Whether the page text holds the SSN as findLeaks looks for it (compact form gathered within runs only). */
function holds(items: ReturnType<typeof run>[]): boolean {
  const text = pageTextWithBarriers(items);
  return foldedTextHolds(text, '123-45-6789', () => text.split('\u0000').map(compactForm).join('\u0000'));
}

describe('the leak check reads a page as runs of adjacent text', () => {
  it('finds a value split into runs that continue each other: glyph by glyph, across a gap of a space, wrapped onto the next line', () => {
    expect(holds([...'123456789'].map((c, i) => run(c, 72 + i * 4.5, 700, 4.4)))).toBe(true);
    expect(holds([run('SSN 123-45-', 72, 700, 50), run(' ', 122, 700, 3), run('6789', 125, 700, 18)])).toBe(true);
    expect(holds([run('SSN 123-45-', 480, 700, 50, true), run('6789 was used', 72, 688, 60)])).toBe(true);
  });

  it('does not gather digits far apart on a line (tile labels), or on lines far apart', () => {
    const labels = [...'123456789'].flatMap((c, i) => [run(c, 39 + i * 54.72, 545, 5.6), run(' ', 44.6 + i * 54.72, 545, 49)]);
    expect(holds(labels)).toBe(false);
    expect(holds([...'123456789'].map((c, i) => run(c, 72, 700 - i * 60, 5.6, true)))).toBe(false);
  });
});
