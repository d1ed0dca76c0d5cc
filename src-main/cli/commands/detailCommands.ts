import type { Command } from 'commander';
import { DossierError } from '../../contract/errors';
import { withContract } from '../contractSession';
import { countOption } from '../countOption';
import { formatLinked } from '../formatItem';
import { emit, type GlobalOptions, say, table } from '../output';
import type { Evidence } from '../../contract/records';
import { setExitStatus } from '../cliIo';

/** A command's child by name (the parents are registered elsewhere; these add to them). */
function child(parent: Command, name: string): Command {
  const found = parent.commands.find((c) => c.name() === name);
  if (!found) throw new Error(`dossier ${name} must be registered before its subcommands`);
  return found;
}

/** "on 2024-03-01" for a day given alone (no time is claimed), "at 2024-03-01T16:00:00.000Z" for a time. */
function onOrAt(at: string): string {
  return at.length === 10 ? `on ${at}` : `at ${at}`;
}

/**
 * The contract operations that had no command: custody transfer, a site's status history, an
 * item's links, an exhibit preview, the link graph, the audit log, the court profiles.
 */
export function registerDetailCommands(program: Command): void {
  child(program, 'custody')
    .command('transfer')
    .description('Record that an exhibit was handed to someone (chain of custody)')
    .argument('<file>', 'case file')
    .argument('<id>', 'exhibit id')
    .requiredOption('--to <name>', 'who received it')
    .option('--from <name>', 'who handed it over (default: you)')
    .option('--date <date>', 'when (YYYY-MM-DD or ISO-8601 time; default: now)')
    .option('--location <place>', 'where')
    .option('--purpose <text>', 'why')
    .option('--hash-seen <sha256>', 'the hash checked at the hand-over')
    .option('--details <text>', 'anything else')
    .action(async (file: string, id: string, opts: Record<string, string | undefined>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const event = await call(
          'evidence.addCustody',
          {
            evidence_id: id,
            action: 'transferred',
            to_party: opts.to,
            from_party: opts.from,
            at: opts.date,
            location: opts.location,
            purpose: opts.purpose,
            hash_seen: opts.hashSeen,
            details: opts.details,
          },
          { from_party: '--from', hash_seen: '--hash-seen' },
        );
        if (event.result !== 'mismatch') {
          emit(options, event, () => `Recorded: exhibit transferred to ${event.to_party} ${onOrAt(event.at)}${event.result === 'ok' && event.hash_seen ? '; the hash seen matches the recorded one' : event.hash_seen ? '; no hash is recorded to compare the hash seen with' : ''}.`);
          return;
        }
        // A hand-over at which the exhibit's hash was not the recorded one: the integrity exit status, like evidence verify.
        const exhibit = (await call('items.get', { id, includeDeleted: true })).item as Evidence;
        emit(options, event, () =>
          [
            `MISMATCH: the hash seen at the hand-over to ${event.to_party} (${event.hash_seen}) is not the hash recorded for ${exhibit.exhibit_label} (SHA-256 ${exhibit.sha256}).`,
            `Recorded in its chain of custody as a mismatch ${onOrAt(event.at)}; every packet that includes ${exhibit.exhibit_label} states it. Find out which copy was handed over.`,
          ].join('\n'),
        );
        setExitStatus(4);
      });
    });

  child(program, 'site')
    .command('history')
    .description("A website's lifecycle: every status it had, when, under which order and evidence")
    .argument('<file>', 'case file')
    .argument('<id>', 'website id')
    .action(async (file: string, id: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const events = await call('websites.statusHistory', { id });
        emit(options, events, () =>
          events.length === 0
            ? 'No status changes recorded.'
            : table(['at', 'status', 'order', 'evidence', 'note'], events.map((e) => [e.at, e.status.replace(/_/g, ' '), e.order_id, e.evidence_id, e.note])),
        );
      });
    });

  program
    .command('links')
    .description('The items linked to an item, both directions')
    .argument('<file>', 'case file')
    .argument('<id>', 'item id')
    .action(async (file: string, id: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const linked = await call('links.list', { id });
        emit(options, linked, () => formatLinked(linked));
      });
    });

  child(program, 'evidence')
    .command('preview')
    .description("The start of an exhibit's content as text (never run or rendered)")
    .argument('<file>', 'case file')
    .argument('<id>', 'exhibit id')
    .option('--max-bytes <n>', 'how much to read', '4000')
    .action(async (file: string, id: string, opts: { maxBytes: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const maxBytes = countOption(opts.maxBytes, '--max-bytes', 5_000_000);
      await withContract(file, options, async (call) => {
        const preview = await call('evidence.preview', { id, maxBytes });
        emit(options, preview, () => {
          if (preview.text !== null) return `${preview.text}${preview.truncated ? '\n… (cut; --max-bytes for more)' : ''}`;
          if (preview.image_data_url !== null) return `An image (${preview.media_type}); extract it to look at it: dossier evidence extract.`;
          return `No text preview for ${preview.media_type}; extract it to look at it: dossier evidence extract.`;
        });
      });
    });

  program
    .command('graph')
    .description('The link graph: every link between items, as edges')
    .argument('<file>', 'case file')
    .option('--limit <n>', 'most items', '500')
    .action(async (file: string, opts: { limit: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const limit = countOption(opts.limit, '--limit', 5000);
      await withContract(file, options, async (call) => {
        const graph = await call('graph.get', { limit });
        const title = new Map(graph.nodes.map((n) => [n.id, `${n.kind} ${n.title}`]));
        emit(options, graph, () =>
          [
            table(['from', 'relation', 'to'], graph.edges.map((e) => [title.get(e.from) ?? e.from, e.relation, title.get(e.to) ?? e.to])),
            `${graph.nodes.length} item(s), ${graph.edges.length} link(s)${graph.truncated ? ' (cut at --limit)' : ''}.`,
          ].join('\n'),
        );
      });
    });

  child(program, 'audit')
    .command('log')
    .description('The audit log, newest first, a page at a time')
    .argument('<file>', 'case file')
    .option('--limit <n>', 'entries per page', '100')
    .option('--after <cursor>', 'continue after this page cursor')
    .action(async (file: string, opts: { limit: string; after?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const limit = countOption(opts.limit, '--limit', 1000);
      await withContract(file, options, async (call) => {
        const page = await call('audit.page', { limit, after: opts.after }, { after: '--after' });
        emit(options, page, () =>
          [
            table(['at', 'actor', 'action', 'record', 'chain', 'seq'], page.items.map((e) => [e.at, e.actor, e.action, e.record_kind ? `${e.record_kind} ${e.record_id ?? ''}` : '', e.chain, e.seq])),
            page.next ? `\nMore: --after ${page.next}` : `\n${page.items.length} shown.`,
          ].join(''),
        );
      });
    });

  child(program, 'packet')
    .command('profiles')
    .description('The court profiles a packet can be checked against (page size, file size, fonts ...)')
    .action(async (_opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(null, options, async (call) => {
        const profiles = await call('packet.profiles', {});
        if (options.json) emit(options, profiles, () => '');
        else say(table(['profile', 'description'], profiles.map((p) => [p.name, p.description])));
      });
    });
}
