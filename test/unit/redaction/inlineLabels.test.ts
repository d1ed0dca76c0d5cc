import { describe, expect, it } from 'vitest';
import { REDACTION_CATEGORIES, redactionLabel } from '../../../src-main/contract/redaction';
import { findIdentifiers } from '../../../src-main/redaction/findIdentifiers';
import { keepLabelsWhole, labelsHold, markRedactions, redactText } from '../../../src-main/redaction/redactText';

const ssn = { value: '123-45-6789', kept: 'XXX-XX-6789', label: 'REDACTED - FRCP 5.2(a)(1)' };
const card = { value: '4111 1111 1111 1111', kept: 'XXXX XXXX XXXX 1111', label: 'REDACTED - FRCP 5.2(a)(4)' };
const minor = { value: 'Jane Roe', kept: 'J.R.', label: 'REDACTED - FRCP 5.2(a)(3)' };

describe('inline redaction labels in printed text', () => {
  it('prints the kept form followed by the label of its subsection, in every spelling', () => {
    const r = { values: [ssn, card], boxes: [] };
    expect(redactText('SSN 123-45-6789, card 4111111111111111; again 123 45 6789.', r)).toBe(
      'SSN XXX-XX-6789 [REDACTED - FRCP 5.2(a)(1)], card XXXXXXXXXXXX1111 [REDACTED - FRCP 5.2(a)(4)]; again XXX XX 6789 [REDACTED - FRCP 5.2(a)(1)].',
    );
  });

  it('marks the same places in the sealed text, character for character aligned with the public text', () => {
    const r = { values: [ssn, minor], boxes: [] };
    const text = 'Jane Roe, SSN 123-45-6789\n\tborn to Jane Roe';
    const pub = redactText(text, r);
    const sealed = markRedactions(text, r);
    expect(sealed).toBe('Jane Roe [REDACTED - FRCP 5.2(a)(3)], SSN 123-45-6789 [REDACTED - FRCP 5.2(a)(1)]\n\tborn to Jane Roe [REDACTED - FRCP 5.2(a)(3)]');
    expect([...pub].length).toBe([...sealed].length);
    // Outside the redacted values the two are the same characters in the same places.
    const a = [...pub];
    const b = [...sealed];
    const differ = a.flatMap((c, i) => (c !== b[i] ? [i] : []));
    expect(differ.every((i) => /[\p{L}\p{N}]/u.test(b[i]!))).toBe(true);
    expect(pub).not.toContain('123');
    expect(pub).not.toMatch(/Jane|Roe/);
  });

  it('keeps line breaks and hidden characters of an occurrence in place, so public and sealed lines stay aligned', () => {
    const other = { value: 'Jane Roe', kept: '', label: 'REDACTED - personal data' };
    const text = 'to Jane\nRoe and Jane\u00a0Roe';
    const pub = redactText(text, { values: [other], boxes: [] });
    expect(pub).toBe('to XXXX\nXXX [REDACTED - personal data] and XXXX\u00a0XXX [REDACTED - personal data]');
    const sealed = markRedactions(text, { values: [other], boxes: [] });
    expect(pub.split('\n').map((l) => [...l].length)).toEqual(sealed.split('\n').map((l) => [...l].length));
    // Initials cannot stand in a name broken over two lines: it is masked instead.
    const named = { values: [{ value: 'Jane Roe', kept: 'J.R.', label: 'REDACTED - FRCP 5.2(a)(3)' }], boxes: [] };
    expect(redactText('to Jane\nRoe', named)).toBe('to XXXX\nXXX [REDACTED - FRCP 5.2(a)(3)]');
  });

  it('replaces in one pass: a value is never looked for inside a label already written', () => {
    // Were the labels searched again, the SSN's "[REDACTED - FRCP 5.2(a)(1)]" would lose its "FRCP".
    const r = { values: [ssn, { value: 'FRCP', kept: '', label: 'REDACTED - personal data' }], boxes: [] };
    expect(redactText('FRCP rule; 123-45-6789', r)).toBe('XXXX [REDACTED - personal data] rule; XXX-XX-6789 [REDACTED - FRCP 5.2(a)(1)]');
  });

  it('holds each label and the kept form before it together for line breaking, same length', () => {
    const line = 'SSN XXX-XX-6789 [REDACTED - FRCP 5.2(a)(1)] and [REDACTED - personal data] here';
    const glued = keepLabelsWhole(line);
    expect(glued).toBe('SSN XXX-XX-6789\u00a0[REDACTED\u00a0-\u00a0FRCP\u00a05.2(a)(1)] and\u00a0[REDACTED\u00a0-\u00a0personal\u00a0data] here');
    expect([...glued].length).toBe([...line].length);
    expect(keepLabelsWhole('no label [REDACTED] here')).toBe('no label [REDACTED] here');
  });

  it('a label can never hold a redacted value: such values are recognised', () => {
    for (const v of ['FRCP', 'FRCP 5.2(a)', 'REDACTED', 'personal data', '5.2']) expect(labelsHold(v), v).toBe(true);
    for (const v of ['123-45-6789', 'Jane Roe', 'Red', 'ACT', '4111 1111 1111 1111']) expect(labelsHold(v), v).toBe(false);
  });

  it('the labels and a redacted text hold no identifier the scan or the generated-text check would flag', () => {
    for (const c of REDACTION_CATEGORIES) expect(findIdentifiers(`[${redactionLabel(c)}]`, { optIn: ['email', 'phone'] })).toEqual([]);
    const text = 'SSN: 123-45-6789\nCard 4111 1111 1111 1111 paid; SSN 123 45 6789';
    expect(findIdentifiers(text).length).toBeGreaterThan(0);
    expect(findIdentifiers(redactText(text, { values: [ssn, card], boxes: [] }), { optIn: ['email', 'phone'] })).toEqual([]);
  });
});
