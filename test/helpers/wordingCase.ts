import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { dossierJson } from './dossierInProcess';

/** Every text a wording case's user typed starts with this, so what is left of a packet is Dossier's own wording. */
export const TYPED = /qxq[\p{L}\p{N}_]*/giu;

const ACTOR = { DOSSIER_ACTOR: 'Qxqactor' };

/**
 * A case whose every typed text (case, caption, parties, counsel, exhibits and their files,
 * sites, orders, custody, declarant) is a "qxq" word, with an exhibit of each kind and a text
 * redaction: its packets print Dossier's fixed wording around words TYPED finds.
 */
export async function wordingCase(dir: string): Promise<{ file: string; signed: string[] }> {
  const file = path.join(dir, 'qxqcase.dossier');
  const run = (args: string[]) => dossierJson(args, ACTOR);
  await run(['new', file, '--title', 'Qxqtitle', '--code-name', 'QXQCODE', '--matter', 'Qxqmatter', '--docket', 'Qxqdocket', '--jurisdiction', 'Qxqjurisdiction']);
  await run(['caption', 'set', file, '--court', 'Qxqcourt', '--judge', 'Qxqjudge', '--judge-initials', 'QXQ']);
  await run(['party', 'add', file, '--role', 'plaintiff', '--name', 'Qxqplaintiff']);
  await run(['party', 'add', file, '--role', 'defendant', '--name', 'Qxqdefendant']);
  await run(['counsel', 'set', file, '--name', 'Qxqcounsel', '--firm', 'Qxqfirm', '--address', 'Qxqaddress', '--phone', 'Qxqphone', '--email', 'qxqmail@qxqhost.qxq', '--bar-number', 'Qxqbar', '--representing', 'Qxqrepresenting']);
  const text = path.join(dir, 'qxqnote.txt');
  fs.writeFileSync(text, 'qxqline qxqsecret qxqline\n');
  const png = path.join(dir, 'qxqimage.png');
  fs.writeFileSync(png, createCanvas(60, 40).toBuffer('image/png'));
  const pdf = path.join(dir, 'qxqpaper.pdf');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText('qxqpage qxqsecret', { x: 72, y: 700, size: 12, font });
  fs.writeFileSync(pdf, await doc.save());
  const eml = path.join(dir, 'qxqmail.eml');
  fs.writeFileSync(eml, ['From: Qxqfrom <qxqfrom@qxqhost.qxq>', 'To: Qxqto <qxqto@qxqhost.qxq>', 'Subject: Qxqsubject', 'Date: Mon, 5 Feb 2024 10:00:00 +0000', 'MIME-Version: 1.0',
    // Text and HTML parts that differ: the packet prints both, with its own wording around them.
    'Content-Type: multipart/alternative; boundary="qxqb"', '', '--qxqb', 'Content-Type: text/plain; charset=utf-8', '', 'qxqbody', '',
    '--qxqb', 'Content-Type: text/html; charset=utf-8', '', '<p>qxqhtml</p>', '', '--qxqb--', ''].join('\r\n'));
  const ids: string[] = [];
  for (const f of [text, png, pdf, eml]) {
    const added = await run(['evidence', 'add', file, f, '--acquired-at', '2024-03-01', '--acquired-by', 'Qxqacquirer', '--source', 'https://qxqsource.com/qxqpath', '--source-device', 'Qxqdevice', '--source-person', 'Qxqperson', '--method', 'Qxqmethod', '--title', `Qxq${path.basename(f).replace(/\W/g, '')}`, '--description', 'Qxqdescription']) as { items: { evidence: { id: string } }[] };
    ids.push(added.items[0]!.evidence.id);
  }
  await run(['custody', 'transfer', file, ids[0]!, '--to', 'Qxqreceiver', '--date', '2024-03-02', '--location', 'Qxqlocation', '--purpose', 'Qxqpurpose', '--details', 'Qxqdetails']);
  await run(['redact', 'add', file, '1', '--text', 'qxqsecret', '--reason', 'Qxqreason']);
  await run(['redact', 'add', file, '3', '--text', 'qxqsecret']);
  const site = await run(['site', 'add', file, 'qxqsite.com', '--registrar', 'Qxqregistrar', '--registry', 'Qxqregistry', '--registrant', 'Qxqregistrant', '--status', 'named_in_order', '--hosting', 'Qxqhosting']) as { id: string };
  const order = await run(['order', 'add', file, '--title', 'Qxqorder', '--docket', 'Qxqorderdocket', '--court', 'Qxqordercourt', '--type', 'seizure', '--judge', 'Qxqorderjudge', '--status', 'granted', '--granted', '2024-02-01', '--summary', 'Qxqsummary']) as { id: string };
  await run(['link', file, order.id, site.id, '--relation', 'covers']);
  return { file, signed: ['--declarant', 'Qxqdeclarant', '--declarant-role', 'Qxqrole', '--place', 'Qxqplace', '--title', 'Qxqpackettitle', '--bates-prefix', 'QXQ-', '--order', order.id] };
}
