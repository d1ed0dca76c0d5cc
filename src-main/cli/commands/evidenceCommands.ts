import type { Command } from 'commander';
import { listCustody } from '../../evidence/custody';
import { getEvidence } from '../../evidence/evidenceService';
import { extractEvidence } from '../../evidence/extractEvidence';
import { importEvidence } from '../../evidence/importEvidence';
import { verifyEvidence } from '../../evidence/verifyEvidence';
import { emit, type GlobalOptions, table } from '../output';
import { withCase } from '../withCase';

/** A percentage on stderr while long work runs, only for a person watching a terminal. */
function progressLine(options: GlobalOptions, verb: string) {
  const show = process.stderr.isTTY && !options.json;
  return {
    onProgress: (progress: { done: number; total: number | null }) => {
      if (show) process.stderr.write(`\r${verb} ${progress.total ? Math.floor((progress.done / progress.total) * 100) : 0}%   `);
    },
    end: () => {
      if (show) process.stderr.write('\n');
    },
  };
}

const mib = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${bytes} B`);

export function registerEvidenceCommands(program: Command): void {
  const evidence = program.command('evidence').description('Evidence: byte-exact files with hashes and chain of custody');

  evidence
    .command('add')
    .description('Import files as exhibits (stored byte-exact, SHA-256/SHA-1/MD5 in one pass, custody recorded)')
    .argument('<file>', 'case file')
    .argument('<paths...>', 'files to import')
    .option('--title <title>', 'title (one file only; default: the file name)')
    .option('--label <label>', 'exhibit label (one file only; default: "Exhibit N")')
    .option('--kind <kind>', 'screenshot, web_capture, document, email, log, spreadsheet, image, video, audio, archive, disk_image, network_capture, other')
    .option('--source <url>', 'where it came from (URL)')
    .option('--source-device <device>', 'device it came from')
    .option('--source-person <person>', 'person it came from')
    .option('--acquired-by <name>', 'who acquired it')
    .option('--acquired-at <iso>', 'when it was acquired (ISO-8601)')
    .option('--method <method>', 'method or tool used')
    .option('--description <text>', 'description')
    .option('--tag <tag...>', 'tags')
    .action(async (file: string, paths: string[], opts: Record<string, string | string[] | undefined>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const progress = progressLine(options, 'importing');
      await withCase(file, options, async (caseFile) => {
        const result = await importEvidence(
          caseFile,
          paths,
          {
            title: opts.title as string | undefined,
            exhibit_label: opts.label as string | undefined,
            kind: opts.kind as never,
            source_url: opts.source as string | undefined,
            source_device: opts.sourceDevice as string | undefined,
            source_person: opts.sourcePerson as string | undefined,
            acquired_by: opts.acquiredBy as string | undefined,
            acquired_at: opts.acquiredAt as string | undefined,
            method: opts.method as string | undefined,
            description: opts.description as string | undefined,
            ...(opts.tag ? { tags: opts.tag as string[] } : {}),
          },
          { onProgress: progress.onProgress },
        );
        progress.end();
        emit(options, result, () =>
          result.items
            .map(({ path, evidence: e, duplicateOf }) =>
              [
                `${e.exhibit_label}: ${e.title}  (${path})`,
                `  ${e.media_type}, ${mib(e.size_bytes)}`,
                `  SHA-256 ${e.sha256}`,
                `  SHA-1   ${e.sha1}`,
                `  MD5     ${e.md5}`,
                duplicateOf ? `  Same bytes as ${duplicateOf}: stored once.` : null,
                `  id ${e.id}`,
              ]
                .filter(Boolean)
                .join('\n'),
            )
            .join('\n'),
        );
      });
    });

  evidence
    .command('verify')
    .description('Re-hash stored bytes and compare with the recorded hashes (one exhibit, or all); recorded as custody')
    .argument('<file>', 'case file')
    .argument('[id]', 'exhibit id (default: every exhibit)')
    .action(async (file: string, id: string | undefined, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const progress = progressLine(options, 'verifying');
      await withCase(file, options, async (caseFile) => {
        const results = await verifyEvidence(caseFile, id, { onProgress: progress.onProgress });
        progress.end();
        const failed = results.filter((r) => !r.ok);
        emit(options, results, () =>
          [
            table(['exhibit', 'result', 'sha256'], results.map((r) => [r.exhibit_label, r.ok ? 'verified' : 'MISMATCH', r.actual_sha256 ?? ''])),
            ...failed.map((r) => `MISMATCH: ${r.message}`),
            failed.length ? `${failed.length} of ${results.length} exhibit(s) FAILED verification.` : `All ${results.length} exhibit(s) verified.`,
            ...(results.some((r) => !r.custody_recorded) ? ['The custody event was not recorded: the case file is read-only.'] : []),
          ].join('\n'),
        );
        if (failed.length) process.exitCode = 4;
      });
    });

  evidence
    .command('extract')
    .description("Write an exhibit's original bytes to a file, byte-identical (never overwrites unless --overwrite)")
    .argument('<file>', 'case file')
    .argument('<id>', 'exhibit id')
    .argument('<out>', 'where to write it')
    .option('--overwrite', 'replace an existing file')
    .option('--purpose <text>', 'why it is extracted (recorded in custody)')
    .action(async (file: string, id: string, out: string, opts: { overwrite?: boolean; purpose?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withCase(file, options, async (caseFile) => {
        const result = await extractEvidence(caseFile, id, out, { ...(opts.overwrite ? { overwrite: true } : {}), ...(opts.purpose ? { purpose: opts.purpose } : {}) });
        emit(options, result, () => `Wrote ${result.path} (${mib(result.bytes)}), SHA-256 ${result.sha256}`);
      });
    });

  program
    .command('custody')
    .description("An exhibit's chain of custody, oldest first")
    .argument('<file>', 'case file')
    .argument('<id>', 'exhibit id')
    .action(async (file: string, id: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withCase(file, options, (caseFile) => {
        const exhibit = getEvidence(caseFile, id, { includeDeleted: true });
        const events = listCustody(caseFile, id);
        emit(options, { evidence: exhibit, events }, () =>
          [
            `${exhibit.exhibit_label}: ${exhibit.title}`,
            `SHA-256 ${exhibit.sha256 ?? '(no stored bytes)'}`,
            table(
              ['at', 'action', 'actor', 'result', 'details'],
              events.map((e) => [e.at, e.action, e.actor, e.result, [e.to_party && `to ${e.to_party}`, e.purpose, e.details].filter(Boolean).join('; ')]),
            ),
          ].join('\n'),
        );
      }, { readonly: true });
    });
}
