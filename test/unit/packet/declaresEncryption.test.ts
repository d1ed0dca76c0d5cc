import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { declaresEncryption } from '../../../src-main/packet/declaresEncryption';
import { tempDir } from '../../helpers/tempDir';

/** A one-page PDF titled `title`, encrypted by qpdf when `encrypt`, with or without object streams. */
async function pdf(opts: { encrypt: boolean; objectStreams: boolean; title?: string }): Promise<Uint8Array> {
  const dir = tempDir();
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  // A literal string, so the words stand in the file as they are.
  if (opts.title) {
    doc.setTitle('placeholder');
    doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('Title'), PDFString.of(opts.title));
  }
  const plain = path.join(dir, 'plain.pdf');
  fs.writeFileSync(plain, await doc.save({ useObjectStreams: opts.objectStreams }));
  const out = path.join(dir, 'out.pdf');
  const streams = `--object-streams=${opts.objectStreams ? 'generate' : 'disable'}`;
  const encrypt = opts.encrypt ? ['--encrypt', '', 'owner', '256', '--'] : [];
  execFileSync('qpdf', [streams, ...encrypt, plain, out]);
  return fs.readFileSync(out);
}

describe('declaresEncryption', () => {
  it('reads /Encrypt from a cross-reference stream and from a classic trailer', async () => {
    expect(declaresEncryption(await pdf({ encrypt: true, objectStreams: true }))).toBe(true);
    expect(declaresEncryption(await pdf({ encrypt: true, objectStreams: false }))).toBe(true);
  });

  it('does not take a plain PDF, even one whose title says /Encrypt, for an encrypted one', async () => {
    expect(declaresEncryption(await pdf({ encrypt: false, objectStreams: true }))).toBe(false);
    const titled = await pdf({ encrypt: false, objectStreams: false, title: 'trailer << /Encrypt 1 0 R >>' });
    expect(Buffer.from(titled).toString('latin1')).toContain('/Encrypt 1 0 R');
    expect(declaresEncryption(titled)).toBe(false);
  });

  it('still finds /Encrypt when startxref leads nowhere', async () => {
    for (const objectStreams of [true, false]) {
      const bytes = Buffer.from(await pdf({ encrypt: true, objectStreams }));
      const broken = Buffer.from(bytes.toString('latin1').replace(/startxref\s+\d+/, 'startxref\n9'), 'latin1');
      expect(declaresEncryption(broken)).toBe(true);
    }
  });
});
