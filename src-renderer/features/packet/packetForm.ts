import type { PacketRequestOptions } from '../../../src-main/contract/DossierApi';
import type { PacketSectionName, SectionChoice } from './SectionList';
import { SECTION_LABELS } from './SectionList';

/** The packet dialog's fields as typed (text), before they become PacketRequestOptions. */
export interface PacketForm {
  profile: string;
  title: string;
  date: string;
  batesPrefix: string;
  batesStart: string;
  batesPadding: string;
  declarantName: string;
  declarantRole: string;
  declarantPlace: string;
  orderId: string;
  sections: SectionChoice[];
  /** null: every exhibit with stored bytes. */
  exhibitIds: string[] | null;
  /** '': the profile's layout. */
  layout: '' | 'combined' | 'ecf';
  draft: boolean;
  renumber: boolean;
  /** Path of the declarant's signature image (PNG or JPEG) from the open dialog; '' for none. */
  signatureImage: string;
}

export function initialPacketForm(codeName: string | null): PacketForm {
  return {
    profile: 'sdny-ecf',
    title: '',
    date: '',
    // The engine's default prefix, shown so counsel see what the pages will carry.
    batesPrefix: `${(codeName ?? 'DOSSIER').replace(/[^A-Za-z0-9_.-]/g, '')}-`,
    // Empty: continue after the last production with this prefix (the server knows where that is).
    batesStart: '',
    batesPadding: '6',
    declarantName: '',
    declarantRole: '',
    declarantPlace: '',
    orderId: '',
    sections: (Object.keys(SECTION_LABELS) as PacketSectionName[]).map((name) => ({ name, included: true })),
    exhibitIds: null,
    layout: '',
    draft: false,
    renumber: false,
    signatureImage: '',
  };
}

/** A whole number as typed, or NaN: the server's validation names the field, so nothing is guessed here. */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Options for packet.check / packet.export: empty fields are left out (the engine's defaults
 * apply), the appendix is dropped when no order is chosen, and the date is sent as midnight UTC.
 */
export function packetOptions(form: PacketForm): PacketRequestOptions {
  const sections = form.sections.filter((s) => s.included && (s.name !== 'appendix' || form.orderId)).map((s) => s.name);
  const options: PacketRequestOptions = { profile: form.profile, sections };
  if (form.title.trim()) options.title = form.title.trim();
  if (form.date) options.date = form.date;
  options.batesPrefix = form.batesPrefix;
  if (form.batesStart.trim()) options.batesStart = wholeNumber(form.batesStart);
  options.batesPadding = wholeNumber(form.batesPadding);
  if (form.orderId) options.orderId = form.orderId;
  if (form.exhibitIds) options.exhibitIds = form.exhibitIds;
  if (form.layout) options.layout = form.layout;
  if (form.draft) options.draft = true;
  if (form.renumber) options.renumber = true;
  if (form.signatureImage) options.signatureImage = form.signatureImage;
  if (form.declarantName.trim()) {
    options.declarant = {
      name: form.declarantName.trim(),
      ...(form.declarantRole.trim() ? { role: form.declarantRole.trim() } : {}),
      ...(form.declarantPlace.trim() ? { place: form.declarantPlace.trim() } : {}),
    };
  }
  return options;
}

/** What the first Bates number will look like, e.g. STORM-1152-000001 (empty start: after the last production). */
export function batesPreview(form: PacketForm): string {
  if (!form.batesStart.trim()) return 'after the last production with this prefix';
  const start = wholeNumber(form.batesStart);
  const padding = wholeNumber(form.batesPadding);
  if (Number.isNaN(start) || Number.isNaN(padding)) return '—';
  return `${form.batesPrefix}${String(start).padStart(Math.min(padding, 12), '0')}`;
}
