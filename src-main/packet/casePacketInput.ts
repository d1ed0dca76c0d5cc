import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { auditHeads } from '../audit/verifyAudit';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { getCaseInfo } from '../case/caseInfo';
import { DossierError } from '../contract/errors';
import { requireDistinctExhibitNumbers } from '../evidence/requireDistinctExhibitNumbers';
import type { PacketRequestOptions } from '../contract/DossierApi';
import type { CourtOrder, Evidence } from '../contract/records';
import { listCustody } from '../evidence/custody';
import { readEvidenceStream } from '../evidence/readEvidenceStream';
import { iterateAppendix } from '../websites/appendix';
import { captureExhibitInput } from '../captures/captureExhibit';
import { appendixHeading } from '../websites/appendixHeading';
import { foldRegistrableDomains } from '../websites/foldRegistrableDomains';
import type { ExhibitInput, PacketInput } from './PacketInput';
import { PACKET_SECTIONS } from './PacketInput';

/** What counsel choose for one export: the contract's packet options (the CLI and the UI use them). */
export type CasePacketOptions = PacketRequestOptions;

async function fileSha256(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function exhibitsFor(caseFile: CaseFile, ids: string[] | undefined): Evidence[] {
  const all = (prepareCached(caseFile.db, 'SELECT * FROM evidence WHERE deleted_at IS NULL ORDER BY exhibit_number, id').all() as (Evidence & { tags: string })[]).map(
    (row) => ({ ...row, tags: JSON.parse(row.tags) as string[] }),
  );
  // Two exhibits with one number (brought together by a merge): named, with the fix (issue 17).
  requireDistinctExhibitNumbers(caseFile, ids ? all.filter((e) => ids.includes(e.id)) : all.filter((e) => e.content_sha256));
  if (!ids) return all.filter((e) => e.content_sha256);
  return ids.map((id) => {
    const found = all.find((e) => e.id === id);
    if (!found) throw new DossierError('NOT_FOUND', `No exhibit with id ${id} in this case.`);
    if (!found.content_sha256) throw new DossierError('INVALID_REQUEST', `${found.exhibit_label} has no stored bytes to put in a packet.`);
    return found;
  });
}

function exhibitInput(caseFile: CaseFile, e: Evidence): ExhibitInput {
  const content = e.content_sha256!;
  return {
    id: e.id,
    label: e.exhibit_label,
    title: e.title,
    acquiredAt: e.acquired_at ?? e.created_at,
    source: e.source_url ?? e.source_device ?? e.source_person ?? 'Not recorded',
    sha256: e.sha256!,
    sha1: e.sha1!,
    md5: e.md5!,
    size: e.size_bytes,
    mediaType: e.media_type,
    originalName: e.original_name ?? e.title,
    description: e.description,
    custody: listCustody(caseFile, e.id).map((c) => ({
      at: c.at, actor: c.actor, action: c.action, fromParty: c.from_party, toParty: c.to_party, location: c.location,
      purpose: c.purpose, hashSeen: c.hash_seen, result: c.result, details: c.details,
    })),
    // One exhibit's bytes at a time; the engine re-hashes them before printing any hash.
    readBytes: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of readEvidenceStream(caseFile, content)) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
    readChunks: () => readEvidenceStream(caseFile, content),
    // Web captures show their pages (src-main/captures); null for any other exhibit.
    capture: () => captureExhibitInput(caseFile, e.id),
  };
}

/** Fills the packet engine's input from the case file. */
export async function casePacketInput(caseFile: CaseFile, options: CasePacketOptions): Promise<PacketInput> {
  const info = getCaseInfo(caseFile);
  const orders = prepareCached(caseFile.db, "SELECT * FROM court_order WHERE deleted_at IS NULL ORDER BY coalesce(granted_at, filed_at, created_at), id").all() as CourtOrder[];
  const chosenOrder = options.orderId ? orders.find((o) => o.id === options.orderId) : undefined;
  if (options.orderId && !chosenOrder) throw new DossierError('NOT_FOUND', `No court order with id ${options.orderId} in this case.`);
  const captionOrder = chosenOrder ?? orders[0];
  // By default every section; Appendix A only when an order is chosen (it is that order's appendix).
  const sections = options.sections ?? PACKET_SECTIONS.filter((s) => s !== 'appendix' || chosenOrder);
  if (sections.includes('appendix') && !chosenOrder) {
    throw new DossierError('INVALID_REQUEST', 'Appendix A lists the domains of one court order: choose it with --order, or leave the appendix section out.');
  }
  const domains: PacketInput['domains'] = [];
  let appendix: PacketInput['appendix'];
  if (chosenOrder && sections.includes('appendix')) {
    const heading = appendixHeading(caseFile, chosenOrder.id);
    appendix = { heading: heading.heading, columns: options.appendixColumns === true };
    let order = 0;
    // One row per registrable domain: what a registry can act on (see foldRegistrableDomains).
    for (const entry of foldRegistrableDomains(iterateAppendix(caseFile, chosenOrder.id))) {
      domains.push({
        domainUnicode: entry.domain_unicode,
        domainAscii: entry.domain_ascii,
        registry: entry.registry,
        registrarName: entry.registrar,
        registrarIanaId: entry.registrar_iana_id ? Number(entry.registrar_iana_id) : null,
        registrantAsListed: entry.registrants.join('; ') || null,
        status: entry.statuses.map((s) => s.replace(/_/g, ' ')).join('; '),
        order: (order += 1),
        folded: entry.folded,
        flags: entry.flags,
        registryContact: heading.registryContact(entry.registry),
      });
    }
  }
  const date = options.date ?? new Date().toISOString();
  return {
    caption: {
      court: captionOrder?.court ?? info.jurisdiction ?? 'Court not recorded',
      docket: info.docket_number ?? captionOrder?.docket ?? 'Docket not recorded',
      caption: captionOrder?.caption ?? info.title,
      title: options.title ?? `Declaration and Exhibits: ${info.title}`,
      preparedBy: options.declarant?.name ?? caseFile.actor.name,
      date,
    },
    options: {
      sections,
      bates: { prefix: options.batesPrefix ?? `${(info.code_name ?? 'DOSSIER').replace(/[^A-Za-z0-9_.-]/g, '')}-`, start: options.batesStart ?? 1, padding: options.batesPadding ?? 6 },
      profile: options.profile ?? 'sdny-ecf',
      ...(options.date ? { fixedDate: options.date } : {}),
      ...(options.declarant ? { declarant: options.declarant } : {}),
      ...(options.maxVolumeBytes ? { maxVolumeBytes: options.maxVolumeBytes } : {}),
    },
    exhibits: exhibitsFor(caseFile, options.exhibitIds).map((e) => exhibitInput(caseFile, e)),
    domains,
    ...(appendix ? { appendix } : {}),
    orders: orders.map((o) => ({
      title: o.title, docket: o.docket, court: o.court, judge: o.judge, type: o.order_type, filedAt: o.filed_at, grantedAt: o.granted_at,
      servedAt: o.served_at, expiresAt: o.expires_at, status: o.status, summary: o.summary,
    })),
    auditHeads: auditHeads(caseFile.db).map((h) => ({ author: h.chain, seq: h.length, hash: h.headHash })),
    caseFileSha256: await fileSha256(caseFile.path),
  };
}
