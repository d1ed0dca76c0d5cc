import type { noteCreateSchema, orderCreateSchema, stakeholderCreateSchema, websiteCreateSchema } from '../contract/schemas';
import type { Validated } from '../records/recordService';

// Records of the demo are written as they stand after validation: they go to the services directly.
type OrderCreate = Validated<typeof orderCreateSchema>;
type StakeholderCreate = Validated<typeof stakeholderCreateSchema>;
type NoteCreate = Validated<typeof noteCreateSchema>;
type WebsiteCreate = Validated<typeof websiteCreateSchema>;

/**
 * The public facts of the Storm-1152 action (Microsoft's December 2023 announcement and the public
 * docket of 1:23-cv-10685, S.D.N.Y.), as a demo case. Only what was
 * reported publicly; no personal data is invented. Dates the reports give only as a month are left
 * out of date fields and said in words.
 */
export const STORM_1152_CASE = {
  title: 'Microsoft Corp. v. Duong Dinh Tu et al. (Storm-1152)',
  code_name: 'STORM-1152',
  matter_number: 'DEMO-2023-1152',
  docket_number: '1:23-cv-10685 (PAE)',
  jurisdiction: 'United States District Court, Southern District of New York',
  classification: 'TLP:GREEN' as const,
  summary:
    'Demo case built from public reporting. Storm-1152 (Vietnam-based) sold fraudulent Microsoft Outlook accounts ' +
    '(about 750 million created) through Hotmailbox.me, and CAPTCHA-solving services (1stCAPTCHA, AnyCAPTCHA, ' +
    'NoneCAPTCHA) used to bypass identity verification. Sites seized under a court order announced 2023-12-13.',
};

// Synthetic: the public reports give no date for when each site was identified; the demo puts it
// before the first capture (4 December 2023), so no site is "identified" after it was seized.
const IDENTIFIED = '2023-12-01';

export const STORM_1152_SITES: (WebsiteCreate & { key: string })[] = [
  { key: 'hotmailbox', status_at: IDENTIFIED, input: 'hotmailbox.me', role: 'marketplace', registry: 'doMEn d.o.o. (.me registry)', notes: 'Marketplace selling fraudulent Outlook accounts.' },
  { key: '1stcaptcha', status_at: IDENTIFIED, input: '1stcaptcha.com', role: 'captcha_service', registry: 'VeriSign, Inc. (.com registry)', notes: 'CAPTCHA-solving service.' },
  { key: 'anycaptcha', status_at: IDENTIFIED, input: 'anycaptcha.com', role: 'captcha_service', registry: 'VeriSign, Inc. (.com registry)', notes: 'CAPTCHA-solving service.' },
  { key: 'nonecaptcha', status_at: IDENTIFIED, input: 'nonecaptcha.com', role: 'captcha_service', registry: 'VeriSign, Inc. (.com registry)', notes: 'CAPTCHA-solving service.' },
  { key: 'rockcaptcha', status_at: IDENTIFIED, input: 'rockcaptcha.com', role: 'captcha_service', registry: 'VeriSign, Inc. (.com registry)', notes: 'Named in the default judgment (ECF 53).' },
];

const COURT = 'United States District Court, Southern District of New York';
const DOCKET = '1:23-cv-10685 (PAE)';
const CAPTION = 'Microsoft Corp. v. Duong Dinh Tu et al.';

export const STORM_1152_ORDERS: (OrderCreate & { key: string; covers: string[] })[] = [
  {
    key: 'tro',
    title: 'Emergency ex parte temporary restraining order',
    caption: CAPTION,
    docket: DOCKET,
    court: COURT,
    judge: 'Paul A. Engelmayer',
    order_type: 'ex_parte_tro',
    status: 'served',
    summary: 'Granted December 2023 (as reported); allowed the seizure of the Storm-1152 websites. Exact dates: see the docket.',
    covers: ['hotmailbox', '1stcaptcha', 'anycaptcha', 'nonecaptcha'],
  },
  {
    key: 'pi',
    title: 'Supplemental preliminary injunction',
    caption: CAPTION,
    docket: DOCKET,
    court: COURT,
    judge: 'Paul A. Engelmayer',
    order_type: 'preliminary_injunction',
    status: 'granted',
    summary: 'A supplemental motion later added infrastructure to the injunction (as reported).',
    covers: ['hotmailbox', '1stcaptcha', 'anycaptcha', 'nonecaptcha'],
  },
  {
    key: 'default',
    title: 'Default judgment and permanent injunction',
    caption: CAPTION,
    docket: DOCKET,
    court: COURT,
    judge: 'Paul A. Engelmayer',
    order_type: 'default_judgment',
    status: 'granted',
    ecf_number: '53',
    granted_at: '2024-08-29',
    summary: 'Default judgment and permanent injunction (ECF 53); names Rockcaptcha.com too.',
    covers: ['hotmailbox', '1stcaptcha', 'anycaptcha', 'nonecaptcha', 'rockcaptcha'],
  },
];

export const STORM_1152_STAKEHOLDERS: (StakeholderCreate & { key: string })[] = [
  { key: 'dcu', name: 'Microsoft Digital Crimes Unit', organization: 'Microsoft Corporation', kind: 'investigator', role: "Plaintiff's investigators" },
  { key: 'counsel', name: 'Outside counsel for Microsoft', organization: 'Outside counsel (demo placeholder)', kind: 'counsel', role: 'Counsel of record' },
  { key: 'arkose', name: 'Arkose Labs', organization: 'Arkose Labs', kind: 'partner', role: 'Partner in the investigation (as reported)' },
  { key: 'court', name: COURT, kind: 'court', role: 'Court; Judge Paul A. Engelmayer' },
  { key: 'verisign', name: 'VeriSign, Inc.', organization: 'VeriSign, Inc.', kind: 'registry', role: '.com registry operator, to be served with the order' },
  { key: 'domen', name: 'doMEn d.o.o.', organization: 'doMEn d.o.o.', kind: 'registry', role: '.me registry operator, to be served with the order' },
  { key: 'defendants', name: 'Duong Dinh Tu et al. (as captioned)', kind: 'defendant', role: 'Defendants named in the caption' },
  { key: 'msft-spokesperson', name: 'Amy Hogan-Burney', organization: 'Microsoft', kind: 'other', role: 'General Manager, Associate General Counsel, Cybersecurity Policy and Protection (quoted in public reporting)' },
];

export const STORM_1152_NOTES: (NoteCreate & { key: string })[] = [
  {
    key: 'summary',
    title: 'What Storm-1152 did',
    body: [
      '# Storm-1152',
      '',
      'A Vietnam-based group that created about **750 million** fraudulent Microsoft Outlook accounts and sold them',
      'through *Hotmailbox.me*, together with CAPTCHA-solving services (1stCAPTCHA, AnyCAPTCHA, NoneCAPTCHA).',
      '',
      'Crimes enabled: mass phishing, identity theft, fraud, distributed denial of service.',
      '',
      '- Action announced by the Microsoft Digital Crimes Unit on **2023-12-13**.',
      '- Court: SDNY, civil action 1:23-cv-10685 (PAE), Judge Paul A. Engelmayer.',
      '- Default judgment and permanent injunction: 2024-08-29 (ECF 53).',
    ].join('\n'),
  },
  {
    key: 'next',
    title: 'Open items',
    body: ['- [ ] Confirm transfer of rockcaptcha.com with the .com registry', '- [ ] Attach served copies of each order', '- [ ] Re-verify all exhibits before filing'].join('\n'),
  },
];

/**
 * The filing caption as the public docket gives it. Counsel is a placeholder: the reports do not
 * name the lawyers who signed, and the demo invents no real person.
 */
export const STORM_1152_FILING_CAPTION = {
  court: 'United States District Court\nSouthern District of New York',
  judge: 'Hon. Paul A. Engelmayer',
  judgeInitials: 'PAE',
  parties: [
    { role: 'plaintiff' as const, name: 'MICROSOFT CORPORATION' },
    { role: 'defendant' as const, name: 'DUONG DINH TU, et al.' },
  ],
  counsel: [{ name: 'Demo Counsel', firm: 'Outside counsel (demo placeholder)', representing: 'Attorneys for Plaintiff Microsoft Corporation' }],
};
