import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../../src-main/redaction/findLeaks';
import { shownStrings } from '../../../src-main/redaction/pdfObjectText';
import { jpegWithComment, pdfWithPlantedValue, type PlantPlace } from '../../helpers/plantedLeaks';
import { tempDir } from '../../helpers/tempDir';

const SSN = '123-45-6789';

/** Where findLeaks must report a value planted in each place (pdf.js's view first, then the file's objects). */
const EXPECTED: Record<PlantPlace, string[]> = {
  'page text': ['1 page text', '1 content stream'],
  'annotation contents': ['1 annotation', '1 object strings'],
  'annotation title': ['1 annotation', '1 object strings'],
  'document subject': ['- document information', '- object strings'],
  xmp: ['- XMP metadata', '- object strings'],
  // The field's value sits in the field dictionary (reached from no page: the widget points up to
  // it) and in its appearance streams (one painted by the widget, one pdf-lib left unreferenced).
  'form field value': ['1 annotation', '- form field', '- object strings', '1 content stream', '- content stream'],
  // pdf.js reads a FreeText annotation's text from its appearance too.
  'free text appearance': ['1 annotation', '1 content stream'],
  attachment: ['- attachment', '- object strings'],
  outline: ['- outline', '- object strings'],
  'unpainted object': ['1 content stream'],
};

describe('the leak check searches every place a PDF can hold a value', () => {
  for (const [place, expected] of Object.entries(EXPECTED)) {
    it(`finds a value planted in the ${place}`, async () => {
      const file = path.join(tempDir(), 'planted.pdf');
      fs.writeFileSync(file, await pdfWithPlantedValue(SSN, place as PlantPlace));
      const leaks = await findLeaks(file, [SSN]);
      expect([...new Set(leaks.map((l) => `${l.page ?? '-'} ${l.where}`))].sort()).toEqual([...expected].sort());
      // The same file with nothing planted holds nothing.
      fs.writeFileSync(file, await pdfWithPlantedValue('999-99-9999', place as PlantPlace));
      expect(await findLeaks(file, [SSN])).toEqual([]);
    });
  }

  it('finds a value in a JPEG comment segment, not in its pixels', async () => {
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(jpegWithComment(SSN.replace(/-/g, ' ')));
    doc.addPage([200, 200]).drawImage(image, { x: 10, y: 10, width: 120, height: 80 });
    const file = path.join(tempDir(), 'photo.pdf');
    fs.writeFileSync(file, await doc.save());
    expect((await findLeaks(file, [SSN])).map((l) => `${l.page} ${l.where}`)).toEqual(['1 object strings']);
  });

  it('reads string operands of content streams as shown, escapes undone, without inline image data', () => {
    const content = Buffer.from('BT /F1 9 Tf (123\\-45\\055)Tj [(67)-20(89)]TJ <41 42>Tj ET % (comment)\nBI /W 1 /H 1 ID (not text) EI', 'latin1');
    expect(shownStrings(content)).toBe('123-45- 67 89 AB');
  });
});
