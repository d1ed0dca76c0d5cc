import type { Command } from 'commander';
import type { AnyItem } from '../../contract/DossierApi';
import type { Page } from '../../contract/records';
import type { ItemKind } from '../../contract/enums';
import { DossierError } from '../../contract/errors';
import { ITEM_SPECS } from '../../items/itemSpecs';
import type { RecordSpec } from '../../records/RecordSpec';
import { withContract } from '../contractSession';
import { countOption } from '../countOption';
import { formatItemDetail, parseItemKind } from '../formatItem';
import { columnWidths, emit, type GlobalOptions, say, table, tableWriter } from '../output';
import { cliIo, setExitStatus } from '../cliIo';
import { verifyAgainstCommand } from './integrityCommands';

function itemRow(kind: ItemKind, item: AnyItem): string[] {
  const spec = ITEM_SPECS[kind] as unknown as RecordSpec<AnyItem>;
  return [item.id, spec.title(item), spec.subtitle(item) ?? ''];
}

export function registerReadCommands(program: Command): void {
  program
    .command('list')
    .description('List items of one kind: evidence, websites, orders, stakeholders, notes')
    .argument('<file>', 'case file')
    .argument('<kind>', 'evidence | websites | orders | stakeholders | notes')
    .option('--filter <text>', 'only items whose name contains this text')
    .option('--status <status>', 'websites: only this lifecycle status')
    .option('--order <id>', 'websites: only those this court order covers')
    .option('--sort <key>', 'sort key (e.g. host, status, created, title)')
    .option('--desc', 'sort descending')
    .option('--limit <n>', 'items per page (max 1000)', '100')
    .option('--after <cursor>', 'continue after this page cursor')
    .option('--all', 'every item, page by page')
    .action(async (file: string, kindWord: string, opts: Record<string, string | boolean>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const kind = parseItemKind(kindWord);
      if (!kind) throw new DossierError('INVALID_REQUEST', `Unknown kind "${kindWord}"; use evidence, websites, orders, stakeholders or notes.`);
      const limit = countOption(String(opts.limit), '--limit', 1000);
      await withContract(file, options, async (call) => {
        const query = {
          kind,
          sort: opts.sort as string | undefined,
          direction: opts.desc ? ('desc' as const) : ('asc' as const),
          limit,
          filter: opts.filter as string | undefined,
          status: opts.status as string | undefined,
          orderId: opts.order as string | undefined,
        };
        const flags = { orderId: '--order', after: '--after', sort: '--sort' };
        const headers = ['id', 'title', 'details'];
        if (!opts.all) {
          const page = await call('items.list', { ...query, after: opts.after as string | undefined }, flags);
          emit(options, page, () =>
            [table(headers, page.items.map((i) => itemRow(kind, i))), page.next ? `\nMore: --after ${page.next}` : `\n${page.items.length} shown.`].join(''),
          );
          return;
        }
        // Streams page by page so a million domains never sit in memory at once; the human form
        // is the same table as one page, its widths taken from the first page (longer cells wrap).
        const io = cliIo();
        let after: string | null | undefined = opts.after as string | undefined;
        let writer: ReturnType<typeof tableWriter> | null = null;
        let count = 0;
        if (options.json) io.writeOut('[');
        do {
          const page: Page<AnyItem> = await call('items.list', { ...query, after }, flags);
          const rows = page.items.map((item) => itemRow(kind, item));
          if (!options.json && !writer) {
            // Later pages may hold longer titles than the first: room for 40 characters before they wrap.
            writer = tableWriter(headers, columnWidths(headers, rows).map((w) => Math.max(w, 40)));
            say(writer.header);
          }
          for (const [n, item] of page.items.entries()) {
            if (options.json) io.writeOut(`${count === 0 ? '' : ','}\n${JSON.stringify(item)}`);
            else say(writer!.row(rows[n]!));
            count += 1;
          }
          after = page.next;
        } while (after);
        if (options.json) io.writeOut('\n]\n');
        else say(`\n${count} item(s).`);
      }, { readonly: true });
    });

  program
    .command('show')
    .description('Show one item with all its fields, linked items and history')
    .argument('<file>', 'case file')
    .argument('<id>', 'item id')
    .action(async (file: string, id: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const detail = await call('items.get', { id });
        emit(options, detail, () => formatItemDetail(detail));
      }, { readonly: true });
    });

  program
    .command('search')
    .description('Search everything in the case (any text is safe to type)')
    .argument('<file>', 'case file')
    .argument('<query>', 'words to find')
    .option('--limit <n>', 'maximum hits', '50')
    .action(async (file: string, query: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const limit = countOption(opts.limit!, '--limit', 500);
      await withContract(file, options, async (call) => {
        const hits = await call('search.query', { text: query, limit });
        emit(options, hits, () =>
          hits.length === 0
            ? `Nothing found for "${query}".`
            : table(['kind', 'title', 'match', 'id'], hits.map((h) => [h.kind, h.title, h.snippet.replace(/\s+/g, ' '), h.id])),
        );
      }, { readonly: true });
    });

  program
    .command('timeline')
    .description('Every dated fact of the case in order')
    .argument('<file>', 'case file')
    .option('--from <date>', 'from this date')
    .option('--to <date>', 'up to this date')
    .option('--limit <n>', 'maximum entries', '1000')
    .action(async (file: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const limit = countOption(opts.limit!, '--limit', 1000);
      await withContract(file, options, async (call) => {
        const page = await call('timeline.page', { from: opts.from, to: opts.to, limit });
        emit(options, page, () =>
          page.items.length === 0 ? (opts.from || opts.to ? 'No dated items in that range.' : 'No dated items yet.') : table(['date', 'what', 'item'], page.items.map((e) => [e.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), e.what, e.title])),
        );
      }, { readonly: true });
    });

  program
    .command('audit')
    .description('The tamper-evident audit log')
    .command('verify')
    .description('Recompute every audit chain and report the first broken entry')
    .argument('<file>', 'case file')
    .option('--against <artefact>', 'a packet PDF or checkpoint file: prove the case still holds the history it certified')
    .action(async (file: string, opts: { against?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      if (opts.against) return verifyAgainstCommand(file, opts.against, options, opts as Parameters<typeof verifyAgainstCommand>[3]);
      await withContract(file, options, async (call) => {
        const report = await call('audit.verify', {});
        emit(options, report, () => {
          const heads = report.chains.map((c) => `  chain ${c.chain}: ${c.length} entries, head ${c.headHash}`).join('\n');
          const restores = report.restores.map((r) => `  restored: ${r}`).join('\n');
          const verdict = report.firstBreak
            ? `AUDIT LOG BROKEN at chain ${report.firstBreak.chain} entry ${report.firstBreak.seq}: ${report.firstBreak.reason}.`
            : report.behind
              ? `AUDIT LOG CUT BACK: ${report.behind}`
              : `Audit log intact: ${report.entriesChecked} entries verified.`;
          return [verdict, heads, restores].filter((part) => part !== '').join('\n');
        });
        if (!report.ok) setExitStatus(3);
      }, { readonly: true });
    });
}
