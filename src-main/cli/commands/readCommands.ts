import type { Command } from 'commander';
import { verifyAudit } from '../../audit/verifyAudit';
import type { AnyItem } from '../../contract/DossierApi';
import type { ItemKind } from '../../contract/enums';
import { DossierError } from '../../contract/errors';
import { ITEM_SPECS } from '../../items/itemSpecs';
import { itemDetail, listItems } from '../../items/itemOperations';
import type { RecordSpec } from '../../records/RecordSpec';
import { searchCase } from '../../search/searchCase';
import { timeline } from '../../timeline/timeline';
import { formatItemDetail, parseItemKind } from '../formatItem';
import { emit, type GlobalOptions, table } from '../output';
import { withCase } from '../withCase';
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
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new DossierError('INVALID_REQUEST', '--limit must be a whole number from 1 to 1000.');
      await withCase(file, options, (caseFile) => {
        const query = {
          sort: opts.sort as string | undefined,
          direction: opts.desc ? ('desc' as const) : ('asc' as const),
          limit,
          filter: opts.filter as string | undefined,
          status: opts.status as string | undefined,
          orderId: opts.order as string | undefined,
        };
        if (!opts.all) {
          const page = listItems(caseFile, kind, { ...query, after: opts.after as string | undefined });
          emit(options, page, () =>
            [table(['id', 'title', 'details'], page.items.map((i) => itemRow(kind, i))), page.next ? `\nMore: --after ${page.next}` : `\n${page.items.length} shown.`].join(''),
          );
          return;
        }
        // Streams page by page so a million domains never sit in memory at once.
        let after: string | null | undefined = opts.after as string | undefined;
        let first = true;
        let count = 0;
        if (options.json) process.stdout.write('[');
        do {
          const page = listItems(caseFile, kind, { ...query, after });
          for (const item of page.items) {
            if (options.json) process.stdout.write(`${first ? '' : ','}\n${JSON.stringify(item)}`);
            else process.stdout.write(`${itemRow(kind, item).join('\t')}\n`);
            first = false;
            count += 1;
          }
          after = page.next;
        } while (after);
        process.stdout.write(options.json ? '\n]\n' : `${count} item(s).\n`);
      });
    });

  program
    .command('show')
    .description('Show one item with all its fields, linked items and history')
    .argument('<file>', 'case file')
    .argument('<id>', 'item id')
    .action(async (file: string, id: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withCase(file, options, (caseFile) => {
        const detail = itemDetail(caseFile, id);
        emit(options, detail, () => formatItemDetail(detail));
      });
    });

  program
    .command('search')
    .description('Search everything in the case (any text is safe to type)')
    .argument('<file>', 'case file')
    .argument('<query>', 'words to find')
    .option('--limit <n>', 'maximum hits', '50')
    .action(async (file: string, query: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withCase(file, options, (caseFile) => {
        const hits = searchCase(caseFile, query, { limit: Math.min(Math.max(Number(opts.limit) || 50, 1), 500) });
        emit(options, hits, () =>
          hits.length === 0
            ? `Nothing found for "${query}".`
            : table(['kind', 'title', 'match', 'id'], hits.map((h) => [h.kind, h.title, h.snippet.replace(/\s+/g, ' '), h.id])),
        );
      });
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
      await withCase(file, options, (caseFile) => {
        const page = timeline(caseFile, { from: opts.from, to: opts.to, limit: Math.min(Math.max(Number(opts.limit) || 1000, 1), 1000) });
        emit(options, page, () =>
          page.items.length === 0 ? 'No dated items yet.' : table(['date', 'what', 'item'], page.items.map((e) => [e.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), e.what, e.title])),
        );
      });
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
      await withCase(file, options, (caseFile) => {
        const report = verifyAudit(caseFile.db);
        emit(options, report, () => {
          const heads = report.chains.map((c) => `  chain ${c.chain}: ${c.length} entries, head ${c.headHash}`).join('\n');
          return report.ok
            ? `Audit log intact: ${report.entriesChecked} entries verified.\n${heads}`
            : `AUDIT LOG BROKEN at chain ${report.firstBreak!.chain} entry ${report.firstBreak!.seq}: ${report.firstBreak!.reason}.\n${heads}`;
        });
        if (!report.ok) process.exitCode = 3;
      });
    });
}
