import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { CHECKPOINT_INFO_KEY } from '../integrity/checkpointInfoKey';

export interface DocumentMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** ISO timestamp used for both the creation and modification dates. */
  date: string;
  /** Declare PDF/A-2b (XMP identification + sRGB output intent). */
  pdfA: boolean;
  /** Audit checkpoint JSON, stored as the Info key DossierCheckpoint (hex of its UTF-8 bytes). */
  checkpoint?: string;
}

/** Info dictionary key holding the packet's audit checkpoint; readPacketCheckpoint reads it. */

export const CREATOR = 'Dossier';
export const PRODUCER = 'Dossier filing packet engine (pdf-lib 1.17.1)';

let iccProfile: Uint8Array | undefined;

/** The sRGB ICC profile pdfkit ships for its own PDF/A output; reused rather than copied. */
function srgbProfile(): Uint8Array {
  if (!iccProfile) {
    const pdfkitMain = createRequire(import.meta.url).resolve('pdfkit');
    iccProfile = new Uint8Array(fs.readFileSync(path.join(path.dirname(pdfkitMain), 'data', 'sRGB_IEC61966_2_1.icc')));
  }
  return iccProfile;
}

/**
 * Writes the Info dictionary and the XMP packet (which PDF/A requires to agree with each other),
 * plus the catalog entries a court reader expects: language, document title in the window,
 * bookmarks panel open, and for PDF/A the sRGB output intent. Returns the Info ref for the trailer.
 */
export function writeDocumentMetadata(doc: PDFDocument, meta: DocumentMetadata): { info: PDFRef } {
  const context = doc.context;
  const when = new Date(meta.date);
  const iso = `${when.toISOString().slice(0, 19)}Z`;
  const pdfDate = `D:${iso.slice(0, 19).replace(/[-T:]/g, '')}Z`;
  const info = context.register(
    context.obj({
      Title: PDFHexString.fromText(meta.title),
      Author: PDFHexString.fromText(meta.author),
      Subject: PDFHexString.fromText(meta.subject),
      Keywords: PDFHexString.fromText(meta.keywords),
      Creator: PDFHexString.fromText(CREATOR),
      Producer: PDFHexString.fromText(PRODUCER),
      CreationDate: PDFHexString.fromText(pdfDate),
      ModDate: PDFHexString.fromText(pdfDate),
      ...(meta.checkpoint ? { [CHECKPOINT_INFO_KEY]: PDFHexString.of(Buffer.from(meta.checkpoint, 'utf8').toString('hex')) } : {}),
    }),
  );
  const xmp = buildXmp(meta, iso);
  const metadata = context.register(context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' }));
  const catalog = doc.catalog;
  catalog.set(PDFName.of('Metadata'), metadata);
  catalog.set(PDFName.of('Lang'), PDFHexString.fromText('en-US'));
  catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
  if (meta.pdfA) {
    const icc = context.register(context.flateStream(srgbProfile(), { N: 3 }));
    const intent = context.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: PDFHexString.fromText('sRGB IEC61966-2.1'),
      RegistryName: PDFHexString.fromText('http://www.color.org'),
      Info: PDFHexString.fromText('sRGB IEC61966-2.1'),
      DestOutputProfile: icc,
    });
    catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
  }
  return { info };
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function buildXmp(meta: DocumentMetadata, iso: string): string {
  const pdfaid = meta.pdfA
    ? `  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
`
    : '';
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>${CREATOR}</xmp:CreatorTool>
   <xmp:CreateDate>${iso}</xmp:CreateDate>
   <xmp:ModifyDate>${iso}</xmp:ModifyDate>
   <xmp:MetadataDate>${iso}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${xml(PRODUCER)}</pdf:Producer>
   <pdf:Keywords>${xml(meta.keywords)}</pdf:Keywords>
  </rdf:Description>
${pdfaid} </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
