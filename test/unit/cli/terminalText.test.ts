import { describe, expect, it } from 'vitest';
import { titleText } from '../../../src-main/contract/schemas';
import { table, wrapText } from '../../../src-main/cli/output';
import { terminalText } from '../../../src-main/cli/terminalText';

describe('terminal-safe text', () => {
  it('escapes ESC sequences, C1 controls, DEL and bidi overrides', () => {
    expect(terminalText('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(terminalText('invoice\u202efdp.exe')).toBe('invoice\\u202efdp.exe');
    expect(terminalText('a\u009bb\u007fc\u0007d\re')).toBe('a\\x9bb\\x7fc\\x07d\\x0de');
    expect(terminalText('\u2066x\u2069')).toBe('\\u2066x\\u2069');
    expect(terminalText('bücher.example — ok')).toBe('bücher.example — ok');
  });

  it('keeps the layout\'s line breaks and tabs only when asked', () => {
    expect(terminalText('a\nb\tc', { keepLayout: true })).toBe('a\nb\tc');
    expect(terminalText('a\nb\tc')).toBe('a\\x0ab\\x09c');
  });

  it('escapes inside table cells, so a value cannot forge a line of the table', () => {
    const shown = table(['name'], [['evil\n0190 FORGED ROW']]);
    expect(shown.split('\n')).toHaveLength(3);
    expect(shown).toContain('evil\\x0a0190 FORGED ROW');
  });

  it('wraps long cells instead of cutting them', () => {
    const reason = 'The registrar column holds a value that is not a registrar name but a sentence long enough to need wrapping twice over at least.';
    const shown = table(['row', 'reason'], [[7, reason]]);
    expect(shown).not.toContain('…');
    const lines = shown.split('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(2).map((l) => l.slice(5).trim()).join(' ')).toBe(reason);
    expect(lines.every((l) => l.length <= 5 + 72)).toBe(true);
    expect(wrapText('x'.repeat(150), 72)).toEqual(['x'.repeat(72), 'x'.repeat(72), 'x'.repeat(6)]);
  });

  it('titles refuse control and bidi override characters', () => {
    expect(titleText(500).safeParse('Plan \u001b[2J').success).toBe(false);
    expect(titleText(500).safeParse('two\nlines').success).toBe(false);
    expect(titleText(500).safeParse('report\u202etxt.exe').success).toBe(false);
    expect(titleText(500).parse('  Storm-1152 — التقرير  ')).toBe('Storm-1152 — التقرير');
  });
});
