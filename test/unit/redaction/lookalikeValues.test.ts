import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../../src-main/redaction/findLeaks';
import { foldForMatching } from '../../../src-main/redaction/foldedText';
import { markRedactions, redactedPlaces, redactText } from '../../../src-main/redaction/redactText';
import { textHolds } from '../../../src-main/redaction/valuePattern';
import { pdfWithPlantedValue } from '../../helpers/plantedLeaks';
import { tempDir } from '../../helpers/tempDir';

/** "Bobby Tables" as a reader reads it, in spellings that are not its code points. */
export const LOOKALIKES = {
  'full-width': 'Ｂｏｂｂｙ Ｔａｂｌｅｓ',
  'Cyrillic о': 'B\u043ebby Tables',
  'soft hyphen': 'Bob\u00adby Tables',
  'zero-width space': 'Bob\u200bby Tables',
  'combining mark': 'Bo\u0301bby Tables',
} as const;

const redactions = { values: [{ value: 'Bobby Tables', kept: '', label: 'REDACTED' }], boxes: [] };

describe('a redacted value is found in look-alike spellings', () => {
  for (const [how, spelled] of Object.entries(LOOKALIKES)) {
    it(`finds "Bobby Tables" spelled with ${how}, redacts it whole and the leak check sees it`, () => {
      expect(foldForMatching(spelled).text.toLowerCase()).toBe('bobby tables');
      expect(textHolds(`said ${spelled} yesterday`, 'Bobby Tables')).toBe(true);
      const line = `Name: ${spelled}, then more.`;
      const printed = redactText(line, redactions);
      expect(textHolds(printed, 'Bobby Tables')).toBe(false);
      expect(printed).toMatch(/^Name: X+[\u00ad\u200b\p{M}]?X* X+ \[REDACTED\], then more\.$/u);
      expect(redactedPlaces(line, redactions)).toBe(1);
      // The sealed line stays aligned with the public one, code point for code point.
      expect([...markRedactions(line, redactions)].length).toBe([...printed].length);
    });
  }

  it('pads kept initials keeping a hidden character where it stands (the two sets stay aligned)', () => {
    const minor = { values: [{ value: 'Bobby Tables', kept: 'B.T.', label: 'REDACTED' }], boxes: [] };
    expect(redactText('Bob\u00adby Tables said', minor)).toBe(`B.T\u00ad.${' '.repeat(8)} [REDACTED] said`);
  });

  it('does not take other words for the value', () => {
    expect(textHolds('Bobby Tablets and Robby Tables', 'Bobby Tables')).toBe(false);
    expect(textHolds('Выписка по счёту', 'Bobby Tables')).toBe(false);
  });

  for (const [how, spelled] of Object.entries(LOOKALIKES)) {
    it(`the leak check finds "Bobby Tables" spelled with ${how} in a PDF's document information`, async () => {
      const file = path.join(tempDir(), 'planted.pdf');
      fs.writeFileSync(file, await pdfWithPlantedValue(spelled, 'document subject'));
      expect((await findLeaks(file, ['Bobby Tables'])).map((l) => l.where)).toContain('document information');
    });
  }
});

describe('folding leaves other scripts their letters', () => {
  it('keeps Indic vowel signs and Hangul syllables (a name is not found inside another word)', () => {
    expect(foldForMatching('राम').text).toBe('राम');
    expect(textHolds('रमेश और रम', 'राम')).toBe(false);
    expect(foldForMatching('김민수').text).toBe('김민수');
    expect(foldForMatching('Bo\u0301bby Ｔ').text).toBe('Bobby T');
  });
});
