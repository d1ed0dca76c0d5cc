import path from 'node:path';
import type { Command } from 'commander';
import type { Evidence } from '../../contract/records';
import { setExitStatus } from '../cliIo';
import { withContract } from '../contractSession';
import { emit, type GlobalOptions, table } from '../output';
import { shownValue } from '../terminalText';

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
    .option('--acquired-sha256 <hex>', "SHA-256 recorded when it was acquired (e.g. the capture tool's); the file must match it")
    .option('--method <method>', 'method or tool used')
    .option('--description <text>', 'description')
    .option('--tag <tag...>', 'tags')
    .action(async (file: string, paths: string[], opts: Record<string, string | string[] | undefined>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const result = await call(
          'evidence.import',
          {
            paths: paths.map((p) => path.resolve(p)),
            title: opts.title as string | undefined,
            exhibit_label: opts.label as string | undefined,
            kind: opts.kind as never,
            source_url: opts.source as string | undefined,
            source_device: opts.sourceDevice as string | undefined,
            source_person: opts.sourcePerson as string | undefined,
            acquired_by: opts.acquiredBy as string | undefined,
            acquired_at: opts.acquiredAt as string | undefined,
            ...(opts.acquiredSha256 ? { acquired_sha256: opts.acquiredSha256 as string } : {}),
            method: opts.method as string | undefined,
            description: opts.description as string | undefined,
            ...(opts.tag ? { tags: opts.tag as string[] } : {}),
          },
          { acquired_at: '--acquired-at', acquired_by: '--acquired-by', acquired_sha256: '--acquired-sha256', source_device: '--source-device', source_person: '--source-person', tags: '--tag' },
        );
        emit(options, result, () =>
          result.items
            .map(({ path: from, evidence: e, duplicateOf, warnings }) =>
              [
                `${e.exhibit_label}: ${e.title}  (${shownValue(from)})`,
                `  ${e.media_type}, ${mib(e.size_bytes)}`,
                `  SHA-256 ${e.sha256}`,
                `  SHA-1   ${e.sha1}`,
                `  MD5     ${e.md5}`,
                duplicateOf ? `  Same bytes as ${duplicateOf}: stored once.` : null,
                `  id ${e.id}`,
                ...(warnings ?? []).map((w) => `  WARNING: ${shownValue(w)}`),
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
      await withContract(file, options, async (call) => {
        const results = await call('evidence.verify', id === undefined ? {} : { id });
        const failed = results.filter((r) => !r.ok);
        emit(options, results, () =>
          [
            table(['exhibit', 'result', 'sha256'], results.map((r) => [r.exhibit_label, r.ok ? 'verified' : 'MISMATCH', r.actual_sha256 ?? ''])),
            ...failed.map((r) => `MISMATCH: ${r.message}`),
            failed.length ? `${failed.length} of ${results.length} exhibit(s) FAILED verification.` : `All ${results.length} exhibit(s) verified.`,
            ...(results.some((r) => !r.custody_recorded) ? ['The custody event was not recorded: the case file is read-only.'] : []),
          ].join('\n'),
        );
        if (failed.length) setExitStatus(4);
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
      await withContract(file, options, async (call) => {
        const result = await call('evidence.extract', { id, outPath: path.resolve(out), ...(opts.overwrite ? { overwrite: true } : {}), ...(opts.purpose ? { purpose: opts.purpose } : {}) });
        emit(options, result, () => `Wrote ${shownValue(result.path)} (${mib(result.bytes)}), SHA-256 ${result.sha256}`);
      });
    });

  program
    .command('custody')
    .description("An exhibit's chain of custody, oldest first")
    .argument('<file>', 'case file')
    .argument('<id>', 'exhibit id')
    .action(async (file: string, id: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        // A deleted exhibit keeps its chain of custody: it is shown too.
        const detail = await call('items.get', { id, includeDeleted: true });
        const exhibit = detail.item as Evidence;
        const events = await call('evidence.custody', { id });
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
