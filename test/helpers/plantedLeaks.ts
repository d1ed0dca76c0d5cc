import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

/** Places in a PDF where a value can hide from a reader's page text; one PDF is made per place. */
export type PlantPlace =
  | 'page text' | 'annotation contents' | 'annotation title' | 'document subject' | 'xmp' | 'form field value'
  | 'free text appearance' | 'attachment' | 'outline' | 'unpainted object';

/**
 * A one-page PDF (made with pdf-lib) saying something harmless on its page, with `value` planted
 * in one place: for the leak check's tests, each place a redacted value can reach a file.
 */
export async function pdfWithPlantedValue(value: string, place: PlantPlace): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText('Order confirmation from the marketplace', { x: 72, y: 700, size: 12, font });
  const ctx = doc.context;
  const annot = (dict: Record<string, unknown>) => page.node.set(PDFName.of('Annots'), ctx.obj([ctx.register(ctx.obj({ Type: 'Annot', Rect: [400, 600, 520, 640], ...dict } as never))]));
  if (place === 'page text') page.drawText(`Card ${value}`, { x: 72, y: 660, size: 12, font });
  if (place === 'annotation contents') annot({ Subtype: 'Text', Contents: PDFString.of(`note ${value}`) });
  if (place === 'annotation title') annot({ Subtype: 'Text', T: PDFString.of(`by ${value}`), Contents: PDFString.of('see') });
  if (place === 'document subject') doc.setSubject(`Payment ${value}`);
  if (place === 'xmp') {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>${value}</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`;
    const stream = ctx.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
    doc.catalog.set(PDFName.of('Metadata'), ctx.register(stream));
  }
  if (place === 'form field value') {
    const field = doc.getForm().createTextField('payer.card');
    field.setText(value);
    field.addToPage(page, { x: 72, y: 500, width: 200, height: 20, font });
  }
  if (place === 'free text appearance') {
    // Only the appearance stream (what a reader paints) holds the value; no /Contents.
    const ap = ctx.register(ctx.stream(`BT /Helv 10 Tf 2 6 Td (${value}) Tj ET`, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 120, 40], Resources: { Font: { Helv: font.ref } } } as never));
    annot({ Subtype: 'FreeText', DA: PDFString.of('/Helv 10 Tf 0 g'), AP: { N: ap } });
  }
  if (place === 'attachment') await doc.attach(new TextEncoder().encode(`payer,card\nx,${value}\n`), 'payments.csv', { mimeType: 'text/csv' });
  if (place === 'outline') {
    const item = ctx.register(ctx.obj({ Title: PDFString.of(`Card ${value}`), Dest: [page.ref, 'Fit'] } as never));
    doc.catalog.set(PDFName.of('Outlines'), ctx.register(ctx.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 } as never)));
  }
  if (place === 'unpainted object') {
    // A form XObject in the page's resources that its content never paints: no reader shows it.
    const hidden = ctx.register(ctx.stream(`BT /F1 10 Tf 72 72 Td (${value}) Tj ET`, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 612, 792], Resources: { Font: { F1: font.ref } } } as never));
    const resources = page.node.Resources()!;
    resources.set(PDFName.of('XObject'), ctx.obj({ Unused: hidden }));
  }
  return doc.save({ useObjectStreams: false });
}

/** A JPEG photo whose comment segment (COM) holds `value`: pixels show nothing of it. */
export function jpegWithComment(value: string): Uint8Array {
  const canvas = createCanvas(120, 80);
  const g = canvas.getContext('2d');
  g.fillStyle = '#88aacc';
  g.fillRect(0, 0, 120, 80);
  const jpg = canvas.toBuffer('image/jpeg');
  const body = Buffer.from(`Card ${value}`, 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 255]), body]);
  return new Uint8Array(Buffer.concat([jpg.subarray(0, 2), com, jpg.subarray(2)]));
}
