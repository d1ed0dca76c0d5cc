import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../casefile/Actor';
import type { CaseFile } from '../casefile/CaseFile';
import { writeTransaction } from '../casefile/writeTransaction';
import { createCase } from '../case/caseInfo';
import { importDemoEvidence } from './createDemoEvidenceFiles';
import { linkRecords } from '../links/linkService';
import { noteService } from '../notes/noteService';
import { orderService } from '../orders/orderService';
import { stakeholderService } from '../stakeholders/stakeholderService';
import { setWebsiteStatusNamingOrder } from '../links/setWebsiteStatusNamingOrder';
import { addWebsite, setWebsiteStatus } from '../websites/websiteService';
import { updateFilingCaption } from '../packet/filingCaption';
import { STORM_1152_CASE, STORM_1152_FILING_CAPTION, STORM_1152_NOTES, STORM_1152_ORDERS, STORM_1152_SITES, STORM_1152_STAKEHOLDERS } from './storm1152';

/** Builds the Storm-1152 demo case: seized sites, the orders covering them, stakeholders, notes, links. */
export async function buildDemoCase(filePath: string, actor: Actor): Promise<CaseFile> {
  const caseFile = createCase(filePath, STORM_1152_CASE, actor);
  const sites = new Map<string, string>();
  writeTransaction(caseFile, () => {
    for (const { key, ...site } of STORM_1152_SITES) sites.set(key, addWebsite(caseFile, site).id);
    const people = new Map<string, string>();
    for (const { key, ...person } of STORM_1152_STAKEHOLDERS) people.set(key, stakeholderService.create(caseFile, person).id);
    for (const { key, covers, ...order } of STORM_1152_ORDERS) {
      const orderId = orderService.create(caseFile, order).id;
      for (const site of covers) linkRecords(caseFile, { from_id: orderId, to_id: sites.get(site)!, relation: 'covers' });
      linkRecords(caseFile, { from_id: people.get('court')!, to_id: orderId, relation: 'issued' });
      linkRecords(caseFile, { from_id: people.get('counsel')!, to_id: orderId, relation: 'obtained' });
      if (key === 'tro') {
        for (const site of covers) {
          // The reports date the TRO only by month, so the first dated fact is the announced seizure.
          setWebsiteStatus(caseFile, sites.get(site)!, 'transfer_confirmed', {
            at: '2023-12-13',
            orderId,
            note: 'Named in the TRO (December 2023) and seized; announced 2023-12-13.',
          });
        }
      }
      if (key === 'default') {
        setWebsiteStatusNamingOrder(caseFile, sites.get('rockcaptcha')!, 'named_in_order', { at: '2024-08-29', orderId, note: 'Named in the default judgment (ECF 53).' });
      }
    }
    for (const [key, id] of sites) {
      const registry = key === 'hotmailbox' ? 'domen' : 'verisign';
      linkRecords(caseFile, { from_id: people.get(registry)!, to_id: id, relation: 'registry of' });
    }
    linkRecords(caseFile, { from_id: people.get('arkose')!, to_id: people.get('dcu')!, relation: 'partnered with' });
    for (const { key, ...note } of STORM_1152_NOTES) {
      const noteId = noteService.create(caseFile, note).id;
      if (key === 'summary') linkRecords(caseFile, { from_id: noteId, to_id: sites.get('hotmailbox')!, relation: 'about' });
    }
  });
  updateFilingCaption(caseFile, STORM_1152_FILING_CAPTION);
  // Generated, clearly synthetic evidence files, imported like any other (hashed, custody, search).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-demo-'));
  try {
    const evidence = await importDemoEvidence(caseFile, dir);
    writeTransaction(caseFile, () => {
      for (const { evidence: exhibit } of evidence.items) {
        const about = /captcha/i.test(exhibit.title) ? '1stcaptcha' : 'hotmailbox';
        linkRecords(caseFile, { from_id: exhibit.id, to_id: sites.get(about)!, relation: 'evidence of' });
      }
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return caseFile;
}
