import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src-main/outputs/csvCell';
import { ecfFileName } from '../../../src-main/packet/ecfAttachments';

describe('csvCell (every CSV Dossier writes)', () => {
  it('prefixes a cell a spreadsheet would run as a formula and leaves others alone', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(csvCell('@SUM(1+1)')).toBe("'@SUM(1+1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('Exhibit 1 - Storefront')).toBe('Exhibit 1 - Storefront');
    expect(csvCell(7)).toBe(7);
    expect(csvCell(null)).toBe(null);
  });

  it('spells out control and bidi characters, so a cell is one line that reads as stored', () => {
    expect(csvCell('Exhibit 1\nFORGED')).toBe('Exhibit 1\\x0aFORGED');
    expect(csvCell('\t=1')).toBe('\\x09=1');
    expect(csvCell('Exhibit \u202e2')).toBe('Exhibit \\u202e2');
  });
});

describe('ecfFileName', () => {
  it('never carries a control or bidi character into a written file name', () => {
    expect(ecfFileName('Exhibit \u202e2', 'mail.eml')).toBe('Exhibit -2 - mail.eml.pdf');
    expect(ecfFileName('Exhibit 1', 'a\u2066b\u0085c\nd')).toBe('Exhibit 1 - a-b-c-d.pdf');
  });
});
