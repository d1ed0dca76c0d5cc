import { describe, expect, it } from 'vitest';
import { printedSpaces, spaceRunProblem } from '../../../src-main/contract/spaceRuns';

describe('spaces a printed name cannot show', () => {
  it('spells out every space that would not show, and keeps one between words', () => {
    expect(printedSpaces('Acme Holdings')).toBe('Acme Holdings');
    expect(printedSpaces('Acme\u00A0Holdings')).toBe('Acme\u00A0Holdings');
    expect(printedSpaces('Acme  Holdings')).toBe('Acme [U+0020]Holdings');
    expect(printedSpaces('Acme \u00A0\u3000Holdings')).toBe('Acme [U+00A0][U+3000]Holdings');
    expect(printedSpaces(' Beta Ltd  ')).toBe('[U+0020]Beta Ltd[U+0020][U+0020]');
    expect(printedSpaces('   ')).toBe('[U+0020][U+0020][U+0020]');
  });

  it('finds a run of spaces of any kind', () => {
    expect(spaceRunProblem('Acme Holdings')).toBeNull();
    expect(spaceRunProblem('Acme  Holdings')).toMatch(/two or more spaces in a row/);
    expect(spaceRunProblem('Acme\u2002 Holdings')).toMatch(/two or more spaces in a row/);
  });
});
