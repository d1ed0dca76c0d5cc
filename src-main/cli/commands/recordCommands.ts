import type { Command } from 'commander';
import { DossierError } from '../../contract/errors';
import { withContract } from '../contractSession';
import { emit, fields, type GlobalOptions } from '../output';
import { readUtf8File } from '../readUtf8File';

/** CLI words like `ex-parte-tro` map to stored enum values like `ex_parte_tro`. */
const enumWord = (value: string | undefined) => value?.trim().toLowerCase().replace(/[-\s]+/g, '_');

const list = (value: string | undefined) => (value ? value.split(/[,;\s]+/).filter(Boolean) : undefined);

function created(kind: string, id: string, title: string): string {
  return `Added ${kind} ${title}\nid: ${id}`;
}

export function registerRecordCommands(program: Command): void {
  const site = program.command('site').description('Websites and domains');
  site
    .command('add')
    .description('Add a website by URL or domain')
    .argument('<file>', 'case file')
    .argument('<url-or-domain>', 'e.g. https://hotmailbox.me/shop or hotmailbox.me')
    .option('--status <status>', 'lifecycle status (identified, evidence_captured, named_in_order, served, transfer_confirmed, hold_confirmed, sinkholed, offline, released)')
    .option('--status-date <date>', 'when the site reached that status (default: now)')
    .option('--registrar <name>', 'registrar name')
    .option('--registrar-iana-id <id>', 'registrar IANA id')
    .option('--registry <name>', 'registry operator')
    .option('--registrant <text>', 'registrant as listed')
    .option('--role <role>', 'marketplace, captcha_service, c2, phishing, payment, hosting, redirector, infrastructure, other')
    .option('--ips <list>', 'IP addresses, comma separated')
    .option('--name-servers <list>', 'name servers, comma separated')
    .option('--hosting <provider>', 'hosting provider')
    .option('--expires <date>', 'registration expiry date')
    .option('--first-seen <date>', 'first seen')
    .option('--notes <text>', 'notes')
    .action(async (file: string, input: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const website = await call('websites.add', {
          input,
          status: enumWord(opts.status) as never,
          status_at: opts.statusDate,
          role: enumWord(opts.role) as never,
          registrar: opts.registrar,
          registrar_iana_id: opts.registrarIanaId,
          registry: opts.registry,
          registrant: opts.registrant,
          ips: list(opts.ips),
          name_servers: list(opts.nameServers),
          hosting_provider: opts.hosting,
          expires_at: opts.expires,
          first_seen: opts.firstSeen,
          notes: opts.notes,
        });
        emit(options, website, () =>
          [
            created('website', website.id, website.host_unicode),
            fields([['A-label', website.host_ascii !== website.host_unicode ? website.host_ascii : null], ['Flags', website.flags]]),
            ...website.flag_reasons.map((reason) => `WARNING: ${reason}`),
          ]
            .filter(Boolean)
            .join('\n'),
        );
      });
    });

  program
    .command('order')
    .description('Court orders')
    .command('add')
    .description('Add a court order')
    .argument('<file>', 'case file')
    .requiredOption('--title <title>', 'title of the order')
    .requiredOption('--docket <docket>', 'docket / civil action number')
    .requiredOption('--court <court>', 'court')
    .requiredOption('--type <type>', 'ex_parte_tro, tro, preliminary_injunction, seizure, default_judgment, permanent_injunction, subpoena, warrant, other')
    .option('--caption <caption>', 'case caption')
    .option('--judge <judge>', 'judge')
    .option('--status <status>', 'draft, filed, granted, served, expired, vacated, denied')
    .option('--ecf <number>', 'ECF docket entry number')
    .option('--filed <date>', 'date filed')
    .option('--granted <date>', 'date granted')
    .option('--served <date>', 'date served')
    .option('--expires <date>', 'date it expires')
    .option('--summary <text>', 'summary')
    .action(async (file: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const order = await call('orders.create', {
          title: opts.title!,
          docket: opts.docket!,
          court: opts.court!,
          order_type: enumWord(opts.type) as never,
          caption: opts.caption,
          judge: opts.judge,
          status: enumWord(opts.status) as never,
          ecf_number: opts.ecf,
          filed_at: opts.filed,
          granted_at: opts.granted,
          served_at: opts.served,
          expires_at: opts.expires,
          summary: opts.summary,
        });
        emit(options, order, () => created('court order', order.id, order.title));
      });
    });

  program
    .command('stakeholder')
    .description('Stakeholders')
    .command('add')
    .description('Add a stakeholder (registry, registrar, host, law enforcement, counsel, partner, victim, defendant ...)')
    .argument('<file>', 'case file')
    .requiredOption('--name <name>', 'name')
    .option('--org <organization>', 'organisation')
    .option('--kind <kind>', 'registry, registrar, hosting_provider, law_enforcement, counsel, partner, victim, defendant, court, investigator, other')
    .option('--role <role>', 'role in the case')
    .option('--email <email>', 'e-mail')
    .option('--phone <phone>', 'phone')
    .option('--notes <text>', 'notes')
    .action(async (file: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const person = await call('stakeholders.create', {
          name: opts.name!,
          organization: opts.org,
          kind: enumWord(opts.kind) as never,
          role: opts.role,
          email: opts.email,
          phone: opts.phone,
          notes: opts.notes,
        });
        emit(options, person, () => created('stakeholder', person.id, person.name));
      });
    });

  program
    .command('note')
    .description('Notes')
    .command('add')
    .description('Add a note (Markdown)')
    .argument('<file>', 'case file')
    .requiredOption('--title <title>', 'title')
    .option('--body <text>', 'Markdown body')
    .option('--body-file <path>', 'read the Markdown body from a file')
    .action(async (file: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      if ((opts.body === undefined) === (opts.bodyFile === undefined)) {
        throw new DossierError('INVALID_REQUEST', 'Give the note body with exactly one of --body or --body-file.');
      }
      let body = opts.body ?? '';
      if (opts.bodyFile) {
        body = readUtf8File(opts.bodyFile, '--body-file');
      }
      await withContract(file, options, async (call) => {
        const note = await call('notes.create', { title: opts.title!, body });
        emit(options, note, () => created('note', note.id, note.title));
      });
    });

  program
    .command('link')
    .description('Link two items (any kind to any kind)')
    .argument('<file>', 'case file')
    .argument('<from-id>', 'id of the first item')
    .argument('<to-id>', 'id of the second item')
    .option('--relation <relation>', 'relation, e.g. covers, evidence of, registrar of', 'related')
    .action(async (file: string, fromId: string, toId: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const link = await call('links.create', { from_id: fromId, to_id: toId, relation: opts.relation });
        emit(options, link, () => `Linked ${link.from_kind} ${fromId} -[${link.relation}]-> ${link.to_kind} ${toId}\nid: ${link.id}`);
      });
    });
}
