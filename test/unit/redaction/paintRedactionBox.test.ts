import { describe, expect, it } from 'vitest';
import { type PaintContext, paintRedactionBox } from '../../../src-main/redaction/paintRedactionBox';

/** A canvas stand-in that records what is written; text is 0.6 of the font size wide per character. */
function recorder(): PaintContext & { written: string[] } {
  let size = 10;
  const ctx = {
    fillStyle: '' as unknown,
    textBaseline: '' as unknown,
    written: [] as string[],
    get font() {
      return `${size}px sans-serif`;
    },
    set font(value: string) {
      size = Number.parseFloat(value);
    },
    fillRect: () => undefined,
    fillText(text: string) {
      ctx.written.push(text);
    },
    measureText: (text: string) => ({ width: text.length * size * 0.6 }),
  };
  return ctx;
}

describe('a burnt-in redaction box', () => {
  it('shows what the rule keeps beside its label where both fit, the label alone where only it fits, and nothing illegibly small', () => {
    const wide = recorder();
    paintRedactionBox(wide, 0, 0, 900, 40, 'REDACTED - FRCP 5.2(a)(4)', 'XXXXXXXX6789');
    expect(wide.written).toEqual(['XXXXXXXX6789 REDACTED - FRCP 5.2(a)(4)']);

    const narrow = recorder();
    paintRedactionBox(narrow, 0, 0, 200, 40, 'REDACTED - FRCP 5.2(a)(4)', 'XXXXXXXX6789');
    expect(narrow.written).toEqual(['REDACTED - FRCP 5.2(a)(4)']);

    const tiny = recorder();
    paintRedactionBox(tiny, 0, 0, 40, 8, 'REDACTED - FRCP 5.2(a)(4)', 'XXXXXXXX6789');
    expect(tiny.written).toEqual([]);

    const handDrawn = recorder();
    paintRedactionBox(handDrawn, 0, 0, 900, 40, 'REDACTED - personal data', '');
    expect(handDrawn.written).toEqual(['REDACTED - personal data']);
  });
});
