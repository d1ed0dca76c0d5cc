import type { Command } from 'commander';
import { SITE_STATUSES, type SiteStatus } from '../../contract/enums';
import { DossierError, isErrorCode } from '../../contract/errors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Website } from '../../contract/records';
import { cliIo } from '../cliIo';
import { withContract } from '../contractSession';
import { countOption } from '../countOption';
import { emit, type GlobalOptions, say, table } from '../output';
import { shownValue } from '../terminalText';

const enumWord = (value: string) => value.trim().toLowerCase().replace(/[-\s]+/g, '_');

export function registerSiteCommands(program: Command): void {
  const site = program.commands.find((c) => c.name() === 'site')!;

  site
    .command('status')
    .description("Move a website along its legal lifecycle (a dated event; history kept)")
    .argument('<file>', 'case file')
    .argument('<id>', 'website id')
    .argument('<status>', SITE_STATUSES.join(', '))
    .option('--date <date>', 'when it happened (default: now)')
    .option('--order <id>', 'the court order concerned')
    .option('--evidence <id>', 'the evidence that shows it (e.g. the registry confirmation)')
    .option('--note <text>', 'note')
    .action(async (file: string, id: string, statusWord: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const status = enumWord(statusWord);
      if (!(SITE_STATUSES as readonly string[]).includes(status)) {
        throw new DossierError('INVALID_REQUEST', `Unknown status "${statusWord}"; use one of: ${SITE_STATUSES.join(', ')}.`);
      }
      await withContract(file, options, async (call) => {
        const website = await call('websites.setStatus', { id, status: status as SiteStatus, at: opts.date, orderId: opts.order, evidenceId: opts.evidence, note: opts.note });
        emit(options, website, () =>
          website.status === status
            ? `${website.host_unicode} is now ${website.status.replace(/_/g, ' ')} (${website.status_at}).`
            : `Recorded in ${website.host_unicode}'s history: ${status.replace(/_/g, ' ')} (${opts.date ?? 'now'}). Its status stays ${website.status.replace(/_/g, ' ')} (${website.status_at}): a later-dated event is already recorded.`,
        );
      });
    });

  site
    .command('list')
    .description('List websites, filtered by lifecycle status, order, or a lifecycle question')
    .argument('<file>', 'case file')
    .option('--status <status>', 'only this status')
    .option('--order <id>', 'only websites this order covers')
    .option('--awaiting-confirmation', 'named in an order or served, transfer/hold not yet confirmed')
    .option('--expiring-within <days>', 'confirmed, registration expiring within this many days')
    .option('--filter <text>', 'host contains this text')
    .option('--limit <n>', 'rows per page', '100')
    .option('--after <cursor>', 'continue after this page cursor')
    .action(async (file: string, opts: Record<string, string | boolean>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      let lifecycle: 'awaiting_confirmation' | 'expiring_soon' | undefined;
      if (opts.awaitingConfirmation) lifecycle = 'awaiting_confirmation';
      if (opts.expiringWithin !== undefined) lifecycle = 'expiring_soon';
      const withinDays = opts.expiringWithin === undefined ? undefined : Number(opts.expiringWithin);
      if (withinDays !== undefined && (!Number.isInteger(withinDays) || withinDays < 0)) {
        throw new DossierError('INVALID_REQUEST', '--expiring-within takes a whole number of days.');
      }
      const limit = countOption(String(opts.limit), '--limit', 1000);
      const status = typeof opts.status === 'string' ? enumWord(opts.status) : undefined;
      if (status && !(SITE_STATUSES as readonly string[]).includes(status)) {
        throw new DossierError('INVALID_REQUEST', `Unknown status "${String(opts.status)}"; use one of: ${SITE_STATUSES.join(', ')}.`);
      }
      await withContract(file, options, async (call) => {
        const page = await call(
          'items.list',
          {
            kind: 'website',
            status,
            orderId: opts.order as string | undefined,
            lifecycle,
            withinDays,
            filter: opts.filter as string | undefined,
            limit,
            after: opts.after as string | undefined,
          },
          { withinDays: '--expiring-within', after: '--after' },
        );
        const sites = page.items as Website[];
        emit(options, page, () =>
          [
            table(['host', 'status', 'since', 'registrar', 'expires', 'id'], sites.map((w) => [w.host_unicode + (w.url_path ?? ''), w.status.replace(/_/g, ' '), w.status_at?.slice(0, 10), w.registrar, w.expires_at?.slice(0, 10), w.id])),
            page.next ? `\nMore: --after ${page.next}` : `\n${page.items.length} shown.`,
          ].join(''),
        );
      }, { readonly: true });
    });

  program
    .command('appendix')
    .description("The domains a court order covers, one per registrable domain, grouped by registry then registrar (the order's Appendix A)")
    .argument('<file>', 'case file')
    .argument('<order-id>', 'court order id')
    .option('--csv', 'CSV on stdout (streamed), for the filing or a registry')
    .option('--columns', 'add the registrant and status (internal to the case) to the listing or CSV')
    .action(async (file: string, orderId: string, opts: { csv?: boolean; columns?: boolean }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        if (opts.csv) {
          // The contract writes the appendix CSV to a file (checked, hashed); stdout gets that file.
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-appendix-'));
          try {
            const written = await call('websites.appendixCsv', { orderId, outPath: path.join(dir, 'appendix.csv'), columns: opts.columns === true }, { orderId: 'ORDER-ID' });
            const io = cliIo();
            for await (const chunk of fs.createReadStream(written.path, { encoding: 'utf8' })) io.writeOut(chunk as string);
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
          return;
        }
        const appendix = await call('websites.appendix', { orderId, limit: 100_000 }, { orderId: 'ORDER-ID' });
        const heading = appendix.heading ?? 'Appendix A';
        if (options.json) {
          emit(options, { heading, outline: appendix.outline, domains: appendix.domains ?? [], rows: appendix.rows }, () => '');
          if (appendix.truncated) throw new DossierError('INVALID_REQUEST', 'The appendix has more than 100,000 domains: use --csv for all of them.');
          return;
        }
        const lines: string[] = [heading];
        let registry: string | null = null;
        let registrar = '';
        for (const d of appendix.domains ?? []) {
          if (d.registry !== registry) {
            registry = d.registry;
            registrar = '';
            lines.push('', `Registry: ${registry}${appendix.registryContacts?.[registry] ? ` — ${appendix.registryContacts[registry]}` : ''}`);
          }
          if (d.registrar !== registrar) {
            registrar = d.registrar;
            lines.push(`  Registrar: ${registrar}${d.registrar_iana_id ? ` (IANA ${d.registrar_iana_id})` : ''}`);
          }
          const extra = opts.columns ? `  ${d.statuses.map((st) => st.replace(/_/g, ' ')).join('; ')}${d.registrants.length ? `  registrant: ${d.registrants.join('; ')}` : ''}` : '';
          lines.push(`    ${d.domain_unicode}${d.domain_ascii !== d.domain_unicode ? ` (${d.domain_ascii})` : ''}${d.flags.length ? `  [${d.flags.join('; ')}]` : ''}${extra}`);
          for (const f of d.folded) lines.push(`        ${f}`);
        }
        if (appendix.truncated) lines.push('', '… more than 100,000 domains: use --csv for all of them.');
        say(registry !== null ? lines.join('\n') : `${heading}\nThis order covers no websites yet.`);
      }, { readonly: true });
    });
}

export function registerSiteImportCommand(program: Command): void {
  const site = program.commands.find((c) => c.name() === 'site')!;
  site
    .command('import')
    .description('Import websites from a CSV or a plain list (one per line); bad rows are reported, good rows import')
    .argument('<file>', 'case file')
    .argument('[list]', 'CSV or text file (not with --rollback)')
    .option('--map <col=field...>', 'map a column to a field (site/url/domain, status, registrar, registrar_iana_id, registry, registrant, name_servers, ips, hosting_provider, asn, role, notes, first_seen, last_seen)')
    .option('--format <format>', 'csv or text (default: detected)')
    .option('--no-header', 'the CSV has no header row')
    .option('--order <id>', "link every imported site to this court order (the order's appendix)")
    .option('--resume', 'complete an import of this same list that was killed midway (see dossier check / info)')
    .option('--batch-rows <n>', 'rows per transaction, each sealed by one audit entry; a crash loses at most the one in progress (default 20000)')
    .option('--rollback <import-id>', 'take back what an unfinished import committed (its id from dossier info / check): its sites tombstoned, merged sites put back')
    .action(async (file: string, list: string | undefined, opts: { map?: string[]; format?: string; header?: boolean; order?: string; resume?: boolean; batchRows?: string; rollback?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      if (opts.rollback !== undefined) {
        if (list !== undefined || opts.resume || opts.batchRows !== undefined) throw new DossierError('INVALID_REQUEST', '--rollback takes the import id only: no LIST, --resume or --batch-rows.');
        await withContract(file, options, async (call) => {
          const done = await call('websites.importRollback', { importId: opts.rollback! }, { importId: '--rollback' });
          emit(options, done, () =>
            [
              `Rolled back the unfinished import of ${shownValue(done.file)} (${done.importId}): ${done.removed} website(s) it created removed (kept in history), ${done.restored} merged website(s) put back as they were, ${done.links} order link(s) removed.`,
              ...(done.changedSince ? [`${done.changedSince} of its website(s) had been changed since the import (see their history).`] : []),
            ].join('\n'),
          );
        });
        return;
      }
      if (list === undefined) throw new DossierError('INVALID_REQUEST', 'Give the LIST file to import (or --rollback IMPORT-ID).');
      if (opts.format && opts.format !== 'csv' && opts.format !== 'text') throw new DossierError('INVALID_REQUEST', '--format must be csv or text.');
      await withContract(file, options, async (call) => {
        const report = await call(
          'websites.import',
          {
            path: path.resolve(list),
            ...(opts.map ? { map: opts.map } : {}),
            ...(opts.format ? { format: opts.format as 'csv' | 'text' } : {}),
            ...(opts.header === false ? { header: false } : {}),
            ...(opts.order ? { orderId: opts.order } : {}),
            ...(opts.resume ? { resume: true } : {}),
            ...(opts.batchRows !== undefined ? { batchRows: Number(opts.batchRows) } : {}),
          },
          { path: 'LIST', map: '--map', batchRows: '--batch-rows' },
        );
        // A list that could not be read at all is bad input: one line on stderr with its code, no report.
        const stop = report.stoppedAt;
        const stopCode = stop && isErrorCode(stop.code) ? stop.code : 'IMPORT_FAILED';
        if (stop && report.rowsRead === 0) throw new DossierError(stopCode, stop.reason);
        emit(options, report, () => {
          const lines = [
            `Imported ${report.imported} new website(s), merged ${report.merged} into existing ones, from ${report.rowsRead} row(s) of ${shownValue(report.file)}`,
            `  SHA-256 ${report.sha256}`,
          ];
          if (report.importedBeforeResume !== undefined) {
            lines.push(
              report.resumeCovers === 'whole list'
                ? `  completing an import killed midway: these are the totals of the whole list; ${report.importedBeforeResume} of the new websites were written before it stopped.`
                : `  resuming an import killed midway, cut short again: these counts cover this run only; the killed run(s) had written ${report.importedBeforeResume} new website(s).`,
            );
          }
          if (report.errorCount) {
            lines.push(`${report.errorCount} row(s) not imported:`, table(['row', 'value', 'reason'], report.errors.slice(0, 50).map((e) => [e.rowNumber, e.value, e.reason])));
            if (report.errorCount > 50) lines.push(`… and ${report.errorCount - 50} more (use --json for all).`);
          }
          if (report.valuesNotTaken) {
            lines.push(
              `${report.valuesNotTaken} value(s) not taken: the site already held another (nothing recorded is overwritten; change one with dossier edit):`,
              table(['row', 'site', 'column', 'kept', 'not taken'], report.notTaken.slice(0, 50).map((v) => [v.rowNumber, v.site, v.column ?? v.field, v.kept, v.offered])),
            );
            if (report.valuesNotTaken > 50) lines.push(`… and ${report.valuesNotTaken - 50} more (use --json for all).`);
          }
          return lines.join('\n');
        });
        // Rows before a broken line were imported (reported above); the stop itself is an error.
        if (stop) throw new DossierError(stopCode, `${stop.reason} (The ${report.rowsRead} row(s) before it: ${report.imported} new website(s), ${report.merged} merged, as reported.)`);
      });
    });
}
