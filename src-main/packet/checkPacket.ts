import { classifyExhibit } from './classifyExhibit';
import type { ExhibitInput } from './PacketInput';
import { exhibitSizeProblems } from './exhibitSizeProblems';
import { type CourtProfile, effectiveProfile } from './courtProfiles';
import { formatBytes } from './formatText';
import { type LoadedExhibit, loadExhibit } from './loadExhibit';
import type { PacketInput } from './PacketInput';
import { PacketError } from './PacketError';
import { NotRenderable } from './PreparedExhibit';
import { readImageInfo } from './readImageInfo';
import { validatePacketInput } from './validatePacketInput';
import { custodyProblems } from './custodyProblems';
import { identifiersInGeneratedText } from '../redaction/identifiersInGeneratedText';
import { describeIdentifierCounts } from '../redaction/identifiersNeverReviewed';
import { wordingRedactionProblems } from './wordingRedactionProblems';

export interface PacketProblem {
  /** `error`: the filing would break the court's rules or cannot be made; `warning`: it will differ from what was asked; `info`: worth knowing. */
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  exhibitId?: string;
}

/**
 * Problems visible from the input alone (sections, redaction, custody); also reported as warnings
 * by exportPacket. Not sizes: a file's size says little about the pages made of it (a 2 MB log is
 * shown in 50 pages, a 0.5 MB PDF can hold 2,500), so checkPacket measures them as drawn.
 */
export function staticPacketProblems(input: PacketInput, profile: CourtProfile): PacketProblem[] {
  const problems: PacketProblem[] = [];
  const sections = input.options.sections;
  // Rule 5.2: identifiers in what the packet writes itself (titles, custody, caption) go out as typed.
  if (!input.options.sealed) {
    for (const g of identifiersInGeneratedText(input)) {
      problems.push({ severity: 'error', code: 'REDACTION_IN_GENERATED_TEXT', ...(g.exhibitId ? { exhibitId: g.exhibitId } : {}), message: `${g.category} found in ${g.where}, which the packet prints as typed: reword it (dossier edit) or file the set under seal (--sealed).` });
    }
    // A value Dossier's own wording holds (stored before redact add refused it, or merged from such a copy) fails every public export's leak check.
    problems.push(...wordingRedactionProblems(input));
  }
  // Rule 5.2: a public filing with identifiers nobody has reviewed may expose them.
  for (const u of input.unreviewedRedactions ?? []) {
    problems.push({
      severity: 'error',
      code: 'REDACTION_UNREVIEWED',
      exhibitId: u.exhibitId,
      message: `${u.label} has ${u.count} Rule 5.2 redaction candidate(s) nobody has accepted or rejected: review them (dossier redact list FILE "${u.label}"), or file the set under seal (--sealed).`,
    });
  }
  // Candidates exist only where a scan stored them: identifiers in exhibits nobody scanned are found here.
  for (const n of input.identifiersNeverReviewed ?? []) {
    // Text a page holds off its visible area reaches the public PDF unseen by anyone reading it.
    if (n.offPagePages?.length) {
      const many = n.offPagePages.length > 1;
      problems.push({
        severity: 'warning',
        code: 'PDF_TEXT_OFF_PAGE',
        exhibitId: n.exhibitId,
        message: `${n.label} ${many ? 'pages' : 'page'} ${n.offPagePages.join(', ')} ${many ? 'carry' : 'carries'} text outside ${many ? 'their' : 'its'} visible area (crop box): no reader shows it, but the public PDF would hold it as the page does. Read it in the native file; redact what must not be filed (redact add --text: the page is then reproduced as a picture of its visible area), or file the set under seal (--sealed).`,
      });
    }
    if (Object.keys(n.counts).length === 0) continue;
    problems.push({
      severity: 'error',
      code: 'REDACTION_NOT_REVIEWED',
      exhibitId: n.exhibitId,
      message: `${n.label} holds ${describeIdentifierCounts(n.counts)} (Rule 5.2) that no redaction decision covers: run dossier redact scan FILE, review the candidates (dossier redact list FILE "${n.label}"), or file the set under seal (--sealed).`,
    });
  }
  for (const required of profile.requiredSections) {
    if (!sections.includes(required)) {
      problems.push({
        severity: 'error',
        code: 'PROFILE_SECTION_MISSING',
        message: `The ${profile.name} profile expects the "${required}" section, which is not selected.`,
      });
    }
  }
  // An error, as the case check (evidence verify) already makes it for export: counsel decide with
  // --force, which the packet discloses, to file a capture its own tool's digests contradict (it
  // may be the only record of the site); the declaration then states the mismatch, named.
  for (const ex of input.exhibits) {
    const digests = ex.captureDigests;
    if (!digests || (digests.mismatched === 0 && !digests.datapackage?.failed.length)) continue;
    problems.push({
      severity: 'error',
      code: 'CAPTURE_DIGEST_MISMATCH',
      exhibitId: ex.id,
      message: `${ex.label} is a web capture in which ${digests.mismatched ? `${digests.mismatched} record(s)` : `${digests.datapackage!.failed.join(', ')}`} did not match the digest its capture tool wrote ("dossier capture list FILE ${ex.id}" names them). Exported with --force, the declaration and custody report state it, record by record.`,
    });
  }
  problems.push(...custodyProblems(input));
  if (input.exhibits.length > 0 && !sections.includes('exhibits')) {
    problems.push({
      severity: 'warning',
      code: 'EXHIBITS_NOT_INCLUDED',
      message: `${input.exhibits.length} exhibits are listed but the "exhibits" section is not selected, so they are indexed without pages or Bates numbers.`,
    });
  }
  return problems;
}

/**
 * Reports what would go wrong with a filing before exporting it: missing sections, exhibits too
 * big for the court's per-file limit, and (reading each exhibit once, one at a time) PDFs that are
 * encrypted, damaged or not PDF/A, unreadable images and evidence that no longer matches its
 * recorded hashes. Throws on invalid input, like exportPacket.
 */
export async function checkPacket(input: PacketInput, opts: { readExhibits?: boolean; signal?: AbortSignal } = {}): Promise<PacketProblem[]> {
  validatePacketInput(input);
  const profile = effectiveProfile(input.options) as CourtProfile;
  const problems = staticPacketProblems(input, profile);
  if (opts.readExhibits === false) return problems;
  const blocking: string[] = [];
  let measuredTotal = 0;
  for (const ex of input.exhibits) {
    if (opts.signal?.aborted) throw new PacketError('CANCELLED', 'The packet check was cancelled.');
    let loaded: LoadedExhibit;
    try {
      loaded = await loadExhibit(ex);
    } catch (err) {
      if (!(err instanceof PacketError)) throw err;
      problems.push({ severity: 'error', code: err.code, exhibitId: ex.id, message: err.message });
      continue;
    }
    const { bytes } = loaded;
    if (input.options.sections.includes('exhibits')) {
      const size = await exhibitSizeProblems(input, ex, loaded, profile);
      problems.push(...size.problems);
      measuredTotal += size.bytes;
    }
    const kind = classifyExhibit(bytes, ex.mediaType);
    if (kind.kind === 'native') {
      problems.push({ severity: 'info', code: 'EXHIBIT_PRODUCED_NATIVELY', exhibitId: ex.id, message: `${ex.label} will not be reproduced as pages (slip sheet only; the file stays in the case file): ${kind.reason}` });
    } else if (kind.kind === 'pdf') {
      // pdf-lib loads on first use only (see exportCasePacket): most commands never need it.
      const { loadEvidencePdf } = await import('./loadEvidencePdf');
      try {
        const pdf = await loadEvidencePdf(bytes, { substituteFonts: profile.pdfA === 'required' });
        if (!pdf.claimsPdfA) {
          if (profile.pdfA === 'required') {
            problems.push({ severity: 'warning', code: 'EXHIBIT_NOT_PDFA', exhibitId: ex.id, message: `${ex.label} is not PDF/A; under the ${profile.name} profile it will not be reproduced as pages (slip sheet only).` });
          } else {
            blocking.push(ex.label);
          }
        }
      } catch (err) {
        if (!(err instanceof NotRenderable)) throw err;
        problems.push({ severity: 'warning', code: 'EXHIBIT_PRODUCED_NATIVELY', exhibitId: ex.id, message: `${ex.label} will not be reproduced as pages (slip sheet only; the file stays in the case file): ${err.reason}${err.detail ? ` [${err.detail}]` : ''}` });
      }
    } else if (kind.kind === 'image') {
      const info = readImageInfo(bytes);
      if (info?.components === 4) {
        if (profile.pdfA === 'required') {
          problems.push({ severity: 'warning', code: 'EXHIBIT_NOT_PDFA', exhibitId: ex.id, message: `${ex.label} is a CMYK JPEG; under the ${profile.name} profile it will not be reproduced as pages (slip sheet only).` });
        } else {
          blocking.push(ex.label);
        }
      }
    }
  }
  if ((input.options.layout ?? profile.layout) !== 'ecf' && measuredTotal > profile.maxVolumeBytes) {
    problems.push({
      severity: 'info',
      code: 'PACKET_WILL_SPLIT',
      message: `The exhibits take about ${formatBytes(measuredTotal)} as the packet reproduces them; the packet will be split into volumes of at most ${formatBytes(profile.maxVolumeBytes)}, with Bates numbers continuing.`,
    });
  }
  if (blocking.length > 0) {
    problems.push({
      severity: 'info',
      code: 'PACKET_NOT_PDFA',
      message: `The packet will be a plain PDF, not PDF/A, because ${blocking.join(', ')} ${blocking.length === 1 ? 'is' : 'are'} not PDF/A. Use the pdfa-strict profile to show such exhibits by a slip sheet only instead.`,
    });
  }
  return problems;
}
