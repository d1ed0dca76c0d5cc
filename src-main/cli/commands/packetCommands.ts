import path from 'node:path';
import { formatBytes } from '../../contract/formatBytes';
import type { Command } from 'commander';
import { parseCalendarDate } from '../../contract/calendarDate';
import { DossierError } from '../../contract/errors';
import { declarantSchema } from '../../contract/requestSchemas';
import { validate } from '../../contract/validate';
import type { CasePacketOptions } from '../../packet/casePacketInput';
import { COURT_PROFILES } from '../../packet/courtProfiles';
import { exportCasePacket } from '../../packet/exportCasePacket';
import { PACKET_SECTIONS, type PacketSection } from '../../packet/PacketInput';
import { parseCourtProfileJson } from '../../packet/parseCourtProfile';
import { emit, type GlobalOptions, table } from '../output';
import { shownValue } from '../terminalText';
import { cliIo, setExitStatus } from '../cliIo';
import { withContract } from '../contractSession';
import { interruptSignal } from '../interruptSignal';
import { withCase } from '../withCase';
import { withFlagNames } from '../flagNames';
import { unlockKeyFile } from '../shareKeys';
import { readUtf8File } from '../readUtf8File';

interface PacketFlags {
  out?: string;
  sections?: string;
  exhibits?: string;
  order?: string;
  batesPrefix?: string;
  batesStart?: string;
  batesPadding?: string;
  profile?: string;
  date?: string;
  title?: string;
  declarant?: string;
  declarantRole?: string;
  place?: string;
  maxMb?: string;
  check?: boolean;
  overwrite?: boolean;
  columns?: boolean;
  force?: boolean;
  identity?: string;
  passphraseFile?: string;
  production?: string;
  draft?: boolean;
  orders?: string;
  layout?: string;
  renumber?: boolean;
  profileFile?: string;
  sealed?: boolean;
  referenceList?: string;
  signatureImage?: string;
}

function wholeNumber(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new DossierError('INVALID_REQUEST', `${flag} must be a whole number of at least ${min}.`);
  return n;
}

/** --max-mb: the range a court profile's maxMb takes (contract/courtProfileSchema), fractions included. */
function megabytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0.25 || n > 2048) {
    throw new DossierError('INVALID_REQUEST', "--max-mb must be a number of MB from 0.25 to 2048 (as a court profile's maxMb), e.g. 24 or 0.5.");
  }
  return n;
}

function readProfileFile(file: string): string {
  return readUtf8File(file, '--profile-file');
}

/** The command's flags as packet options, each checked with a message naming the flag. */
function packetOptions(flags: PacketFlags): CasePacketOptions {
  const sections = flags.sections?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = sections?.filter((s) => !(PACKET_SECTIONS as readonly string[]).includes(s));
  if (unknown?.length) throw new DossierError('INVALID_REQUEST', `Unknown section(s) ${unknown.join(', ')}; use: ${PACKET_SECTIONS.join(', ')}.`);
  if (flags.profile && flags.profileFile) throw new DossierError('INVALID_REQUEST', 'Use --profile or --profile-file, not both.');
  if (flags.profile && !COURT_PROFILES.some((p) => p.name === flags.profile)) {
    throw new DossierError('INVALID_REQUEST', `Unknown court profile "${flags.profile}"; use: ${COURT_PROFILES.map((p) => p.name).join(', ')}.`);
  }
  // The day the declaration is signed: never in the future (it would swear to a day not yet come).
  const date = flags.date === undefined ? undefined : parseCalendarDate(flags.date, { past: true, keepOffset: true });
  if (date && 'error' in date) throw new DossierError('INVALID_REQUEST', `--date ${date.error}.`);
  if (flags.batesPrefix !== undefined && !/^[A-Za-z0-9_.-]{0,20}$/.test(flags.batesPrefix)) {
    throw new DossierError('INVALID_REQUEST', '--bates-prefix may hold letters, digits, "-", "_" and "." (20 at most).');
  }
  const maxMb = megabytes(flags.maxMb);
  const exhibits = flags.exhibits && flags.exhibits !== 'all' ? flags.exhibits.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  // --declarant-role and --place describe the declarant: alone they were dropped without a word
  // (a production re-exported with --place Elsewhere wrote the frozen place).
  const orphans = [flags.declarantRole !== undefined && '--declarant-role', flags.place !== undefined && '--place'].filter((f): f is string => f !== false);
  if (!flags.declarant && orphans.length) {
    throw new DossierError(
      'INVALID_REQUEST',
      flags.production
        ? `A production is re-exported exactly as it was frozen; leave out ${orphans.join(', ')} (or start a new production).`
        : `${orphans.join(' and ')} describe${orphans.length === 1 ? 's' : ''} the declarant: give --declarant too.`,
    );
  }
  return {
    ...(sections ? { sections: sections as PacketSection[] } : {}),
    ...(exhibits ? { exhibitIds: exhibits } : {}),
    ...(flags.order ? { orderId: flags.order } : {}),
    ...(flags.batesPrefix !== undefined ? { batesPrefix: flags.batesPrefix } : {}),
    ...(flags.batesStart !== undefined ? { batesStart: wholeNumber(flags.batesStart, '--bates-start', 0)! } : {}),
    ...(flags.batesPadding !== undefined ? { batesPadding: wholeNumber(flags.batesPadding, '--bates-padding', 1)! } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
    // The checked value, not the flag as typed: the export path below does not go through the contract.
    ...(date && 'value' in date ? { date: date.value } : {}),
    ...(flags.title ? { title: flags.title } : {}),
    ...(flags.declarant ? { declarant: { name: flags.declarant, ...(flags.declarantRole ? { role: flags.declarantRole } : {}), ...(flags.place ? { place: flags.place } : {}) } } : {}),
    ...(maxMb ? { maxVolumeBytes: Math.round(maxMb * 1024 * 1024) } : {}),
    ...(flags.columns ? { appendixColumns: true } : {}),
    ...(flags.production ? { productionId: flags.production } : {}),
    ...(flags.orders ? { orderIds: flags.orders.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(flags.draft ? { draft: true } : {}),
    ...(flags.layout ? { layout: flags.layout as 'combined' | 'ecf' } : {}),
    ...(flags.renumber ? { renumber: true } : {}),
    ...(flags.profileFile ? { customProfile: parseCourtProfileJson(readProfileFile(flags.profileFile), `--profile-file ${flags.profileFile}`) } : {}),
    ...(flags.sealed ? { sealed: true } : {}),
    ...(flags.signatureImage ? { signatureImage: path.resolve(flags.signatureImage) } : {}),
  };
}

/** Packet option fields -> the flags that set them. */
const PACKET_FLAG_NAMES = {
  sections: '--sections', exhibitIds: '--exhibits', orderId: '--order', batesPrefix: '--bates-prefix', batesStart: '--bates-start',
  batesPadding: '--bates-padding', profile: '--profile', date: '--date', title: '--title', name: '--declarant', role: '--declarant-role',
  place: '--place', maxVolumeBytes: '--max-mb', productionId: '--production', draft: '--draft', orderIds: '--orders', layout: '--layout', renumber: '--renumber',
  signatureImage: '--signature-image',
};

export function registerPacketCommands(program: Command): void {
  program
    .command('packet')
    .description('Export a court filing packet (PDF): cover, contents, declaration with hashes, exhibit index, Appendix A, orders, custody, audit heads, exhibits; Bates-numbered')
    .argument('<file>', 'case file')
    .option('--out <path.pdf>', 'where to write the PDF (volumes become -vol1.pdf, -vol2.pdf ...)')
    .option('--sections <list>', `sections in order, comma separated (default all: ${PACKET_SECTIONS.join(',')})`)
    .option('--exhibits <all|list>', 'all, or exhibits comma separated in the order wanted, each by number, label or id (2,1 or "Exhibit 2,Exhibit 1")', 'all')
    .option('--order <id>', 'court order whose covered domains make Appendix A')
    .option('--orders <ids>', 'orders the orders section lists, comma separated (default: the --order and orders linked to the chosen exhibits)')
    .option('--bates-prefix <prefix>', 'Bates prefix (default: the code name and "-")')
    .option('--bates-start <n>', 'first Bates number (default: after the last production with this prefix, else 1)')
    .option('--bates-padding <digits>', 'minimum digits of every Bates number of the production (default 6)')
    .option('--profile <name>', `court profile: ${COURT_PROFILES.map((p) => p.name).join(', ')} (default sdny-ecf)`)
    .option('--date <iso>', 'execution date of the declaration (default: today on this computer\'s calendar; a time keeps its offset); never before the newest fact it certifies')
    .option('--production <id>', 're-export a production exactly as frozen (same Bates numbers, same bytes); see "dossier productions"')
    .option('--draft', 'a draft: DRAFT on every page, recorded, consumes no Bates numbers')
    .option('--profile-file <court.json>', 'your own court profile as JSON: name, description, pageSize, maxMb, requiredSections, pdfA, filing, layout, exhibitLabels')
    .option('--renumber', "number the chosen exhibits 1..N (A, B ... where the profile says) in this filing; the index gives each one's case exhibit number")
    .option('--layout <combined|ecf>', 'ecf: declaration as the main PDF, one PDF per exhibit ("Exhibit 1 - Title.pdf"), attachments.csv/.json; combined: one PDF (default: the profile\'s; sdny-ecf is ecf)')
    .option('--title <title>', 'document title on the cover')
    .option('--declarant <name>', 'who signs the declaration')
    .option('--declarant-role <role>', "the declarant's title")
    .option('--place <place>', 'where the declaration is executed')
    .option('--signature-image <file>', "PNG or JPEG of the declarant's signature (2 MB at most), drawn above the /s/ line; frozen with the production")
    .option('--max-mb <n>', "per-file size limit in MB (overrides the profile's)")
    .option('--check', 'only check the packet against the court profile; write nothing')
    .option('--overwrite', 'replace existing files at --out (never the case file itself)')
    .option('--columns', 'Appendix A with registrant and status columns')
    .option('--force', 'export even when "dossier check" or the packet check reports errors; the packet says so in its metadata and audit page')
    .option('--identity <keyfile>', 'your key file: signs the audit checkpoint the packet carries (unsigned without)')
    .option('--passphrase-file <path>', "file holding the key file's passphrase (else $DOSSIER_PASSPHRASE or a prompt)")
    .option('--sealed', 'Rule 5.2(d): the unredacted set, same Bates numbers, "FILED UNDER SEAL" on every page (default: public, redactions burnt in)')
    .option('--reference-list <path.pdf>', 'also (or only, without --out) write the Rule 5.2(g) reference list: each redacted identifier in full beside its redacted form, to file under seal')
    .action(async (file: string, flags: PacketFlags, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const packet = packetOptions(flags);
      if (flags.check) {
        await withContract(file, options, async (call) => {
          const problems = await call('packet.check', { options: packet }, PACKET_FLAG_NAMES);
          emit(options, problems, () => (problems.length ? table(['severity', 'problem'], problems.map((p) => [p.severity, p.message])) : 'No problems found.'));
          // The same errors stop an export with exit 2 (invalid input); the check says so the same way.
          if (problems.some((p) => p.severity === 'error')) setExitStatus(2);
        });
        return;
      }
      if (flags.referenceList) {
        if (flags.out && options.json) throw new DossierError('INVALID_REQUEST', '--json prints one document: write the reference list and the packet with two commands.');
        const outPath = path.resolve(flags.referenceList);
        await withContract(file, options, async (call) => {
          const list = await call(
            'redact.referenceList',
            { outPath, ...(flags.overwrite ? { overwrite: true } : {}), ...(packet.exhibitIds ? { exhibits: packet.exhibitIds } : {}), ...(flags.production ? { productionId: flags.production } : {}) },
            { outPath: '--reference-list', exhibits: '--exhibits', productionId: '--production' },
          );
          emit(options, list, () => `Reference list under Fed. R. Civ. P. 5.2(g): ${list.entries} identifier(s), written to ${shownValue(list.path)} (SHA-256 ${list.sha256}).`);
        });
        if (!flags.out) return;
      }
      if (!flags.out) throw new DossierError('INVALID_REQUEST', 'Say where to write the packet with --out PATH.pdf.');
      // The export below does not pass through the contract, so the declarant is checked here as
      // packet.export checks it: a line break in --declarant would add a line to a sworn declaration.
      if (packet.declarant) {
        try {
          validate(declarantSchema, packet.declarant, 'declarant');
        } catch (error) {
          throw withFlagNames(error, PACKET_FLAG_NAMES);
        }
      }
      // Export is the one packet path outside the contract: its --json report (Bates numbers per
      // exhibit, rendering notes) predates packet.export's smaller summary, and scripts read it.
      await withCase(file, options, async (caseFile) => {
        const io = cliIo();
        const show = io.errIsTerminal && !options.json;
        // The key file signs the audit checkpoint the packet carries (page and PDF metadata).
        const signer = flags.identity ? await unlockKeyFile(flags.identity, flags) : null;
        // Ctrl-C cancels the export (CANCELLED), and nothing is left at --out.
        const interrupt = interruptSignal();
        const result = await exportCasePacket(caseFile, flags.out!, packet, {
          overwrite: flags.overwrite ?? false,
          force: flags.force ?? false,
          signer,
          signal: interrupt.signal,
          onProgress: (p) => {
            if (show) io.writeErr(`\r${p.phase}: ${p.pagesDone}/${p.pagesTotalEstimate} pages   `);
          },
        }).finally(interrupt.release);
        if (show) io.writeErr('\n');
        emit(options, result, () =>
          [
            `Production ${result.productionId}${packet.draft ? ' (DRAFT: no Bates numbers consumed)' : ''}`,
            `Packet of ${result.totalPages} page(s), ${result.exhibits.length} exhibit(s)${result.pdfA ? ', PDF/A-2b' : ''}:`,
            ...result.volumes.map((v) => `  ${shownValue(v.path)}  ${v.pages} pages, ${formatBytes(v.bytes)}, SHA-256 ${v.sha256}`),
            table(['exhibit', 'Bates', 'shown as', 'note'], result.exhibits.map((e) => [e.label, `${e.batesFirstLabel}–${e.batesLastLabel}`, e.rendering, [e.parts ? `filed in ${e.parts.length} parts` : '', e.note ?? ''].filter(Boolean).join('; ')])),
            ...result.warnings.map((w) => `WARNING: ${w.message}`),
          ].join('\n'),
        );
      });
    });

  program
    .command('productions')
    .description('List the filing productions of the case: id, Bates range, cut-off, draft; re-export one with "packet --production ID"')
    .argument('<file>', 'case file')
    .action(async (file: string, _flags: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const productions = await call('packet.productions', {});
        emit(options, productions, () =>
          productions.length
            ? table(
                ['id', 'Bates', 'exhibits', 'cut-off', 'by', 'note'],
                productions.map((p) => [p.id, `${p.batesFirst} – ${p.batesLast}`, String(p.exhibitIds.length), p.cutoffAt, p.createdBy, [p.draft ? 'DRAFT' : '', p.forced ? 'forced' : ''].filter(Boolean).join(', ')]),
              )
            : 'No productions yet: "dossier packet FILE --out P.pdf" makes the first.',
        );
      }, { readonly: true });
    });
}
