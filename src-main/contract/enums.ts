/** Enumerations shared by schema CHECKs, validation and the UI. Change together with 0010-initial. */
export const RECORD_KINDS = ['case', 'evidence', 'website', 'order', 'stakeholder', 'note', 'link', 'team_member', 'redaction'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Kinds a user lists, searches and links (the case itself and links are not listed as items). */
export const ITEM_KINDS = ['evidence', 'website', 'order', 'stakeholder', 'note'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const CLASSIFICATIONS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
export const CASE_STATUSES = ['open', 'closed', 'archived'] as const;

export const EVIDENCE_KINDS = [
  'screenshot', 'web_capture', 'document', 'email', 'log', 'spreadsheet', 'image', 'video', 'audio',
  'archive', 'disk_image', 'network_capture', 'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const CUSTODY_ACTIONS = [
  'acquired', 'imported', 'verified', 'extracted', 'exported', 'transferred', 'sealed', 'unsealed', 'received', 'note',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];
export const CUSTODY_RESULTS = ['ok', 'mismatch', 'failed', 'n/a'] as const;

export const SITE_ROLES = [
  'marketplace', 'captcha_service', 'c2', 'phishing', 'payment', 'hosting', 'redirector', 'infrastructure', 'other',
] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

/** A domain's legal lifecycle, in the order a takedown usually walks it. */
export const SITE_STATUSES = [
  'identified', 'evidence_captured', 'named_in_order', 'served', 'transfer_confirmed', 'hold_confirmed',
  'sinkholed', 'offline', 'released',
] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export const ORDER_TYPES = [
  'ex_parte_tro', 'tro', 'preliminary_injunction', 'seizure', 'default_judgment', 'permanent_injunction',
  'subpoena', 'warrant', 'other',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
export const ORDER_STATUSES = ['draft', 'filed', 'granted', 'served', 'expired', 'vacated', 'denied'] as const;

export const STAKEHOLDER_KINDS = [
  'registry', 'registrar', 'hosting_provider', 'law_enforcement', 'counsel', 'partner', 'victim', 'defendant',
  'court', 'investigator', 'other',
] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];
