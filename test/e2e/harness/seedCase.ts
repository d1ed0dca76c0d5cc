import fs from 'node:fs';
import path from 'node:path';
import { createDemoEvidenceFiles } from '../../../src-main/demo/createDemoEvidenceFiles';
import type { DossierHarness } from './DossierHarness';

/** A small but realistic case, created through the contract (the same calls the UI makes). */
export async function seedCase(harness: DossierHarness) {
  await harness.call('case.create', {
    path: harness.casePath(),
    case: {
      title: 'Storm-1152 fraudulent account marketplace',
      code_name: 'STORM-1152',
      classification: 'TLP:AMBER',
      matter_number: 'DCU-2023-0412',
      docket_number: '1:23-cv-10685',
      jurisdiction: 'U.S. District Court, S.D.N.Y.',
      summary: 'Marketplace selling fraudulent Microsoft accounts and CAPTCHA-solving services. Seizure of the listed domains under the ex parte TRO.',
    },
  });
  const hotmailbox = await harness.call('websites.add', { input: 'https://hotmailbox.me/shop', role: 'marketplace', registrar: 'NameCheap, Inc.', registrar_iana_id: '1068', first_seen: '2023-03-02', expires_at: '2027-03-02', ips: ['104.21.7.10', '172.67.140.2'] });
  const onecaptcha = await harness.call('websites.add', { input: '1stcaptcha.com', role: 'captcha_service', registrar: 'GoDaddy.com, LLC', first_seen: '2023-05-11', expires_at: '2026-12-30' });
  const anycaptcha = await harness.call('websites.add', { input: 'anycaptcha.com', role: 'captcha_service', registrar: 'GoDaddy.com, LLC' });
  const nonecaptcha = await harness.call('websites.add', { input: 'nonecaptcha.com', role: 'captcha_service', status: 'evidence_captured' });
  await harness.call('websites.add', { input: 'xn--80ak6aa92e.com', role: 'phishing', notes: 'IDN homograph of apple.com in Cyrillic.' });
  const tro = await harness.call('orders.create', {
    title: 'Order granting ex parte TRO',
    docket: '1:23-cv-10685',
    court: 'S.D.N.Y.',
    judge: 'Hon. P. Kevin Castel',
    order_type: 'ex_parte_tro',
    status: 'served',
    filed_at: '2023-12-05',
    granted_at: '2023-12-07',
    served_at: '2023-12-08',
    expires_at: '2027-01-15',
  });
  const injunction = await harness.call('orders.create', { title: 'Preliminary injunction', docket: '1:23-cv-10685', court: 'S.D.N.Y.', order_type: 'preliminary_injunction', status: 'granted', filed_at: '2023-12-20' });
  const registrar = await harness.call('stakeholders.create', { name: 'NameCheap Legal', organization: 'NameCheap, Inc.', kind: 'registrar', role: 'Registrar of record', email: 'legal@namecheap.example' });
  const counsel = await harness.call('stakeholders.create', { name: 'Dana Whitfield', organization: 'DCU Legal', kind: 'counsel', role: 'Lead counsel', email: 'dana@example.org' });
  const note = await harness.call('notes.create', {
    title: 'Payment trail via crypto exchange',
    body: '# Findings\n\nPayments for **hotmailbox.me** accounts went through two exchange wallets.\n\n- Wallet A seen in 14 orders\n- Wallet B seen in 3 orders\n\nNext: subpoena the exchange (`KYC` records).',
  });
  for (const site of [hotmailbox, onecaptcha, anycaptcha, nonecaptcha]) await harness.call('links.create', { from_id: tro.id, to_id: site.id, relation: 'covers' });
  await harness.call('links.create', { from_id: registrar.id, to_id: hotmailbox.id, relation: 'registrar of' });
  await harness.call('links.create', { from_id: counsel.id, to_id: tro.id, relation: 'filed by' });
  await harness.call('links.create', { from_id: note.id, to_id: hotmailbox.id, relation: 'mentions' });
  await harness.call('links.create', { from_id: injunction.id, to_id: tro.id, relation: 'related' });
  await harness.call('websites.setStatus', { id: hotmailbox.id, status: 'evidence_captured', at: '2023-11-20' });
  await harness.call('websites.setStatus', { id: hotmailbox.id, status: 'named_in_order', at: '2023-12-07', orderId: tro.id });
  await harness.call('websites.setStatus', { id: hotmailbox.id, status: 'served', at: '2023-12-08' });
  await harness.call('websites.setStatus', { id: onecaptcha.id, status: 'transfer_confirmed', at: '2023-12-14', note: 'Registrar confirmed transfer to plaintiff.' });
  await harness.call('websites.update', { id: hotmailbox.id, patch: { hosting_provider: 'Cloudflare', asn: 'AS13335' } });
  // Synthetic demo exhibits (a drawn storefront screenshot, a saved page, a CSV and a log).
  const demoDir = path.join(harness.dir, 'demo-evidence');
  fs.mkdirSync(demoDir, { recursive: true });
  const imported = await harness.call('evidence.import', {
    paths: createDemoEvidenceFiles(demoDir),
    acquired_by: 'E2E Investigator',
    acquired_at: '2023-12-04T15:20:00Z',
    source_url: 'https://hotmailbox.me/',
  });
  const screenshot = imported.items.find((i) => i.evidence.media_type === 'image/png')!.evidence;
  await harness.call('links.create', { from_id: screenshot.id, to_id: hotmailbox.id, relation: 'evidence of' });
  return { screenshot, hotmailbox, onecaptcha, anycaptcha, nonecaptcha, tro, injunction, registrar, counsel, note };
}
