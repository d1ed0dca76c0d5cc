import type { Command } from 'commander';
import type { Redaction } from '../../contract/redaction';
import { withContract } from '../contractSession';
import { emit, type GlobalOptions, table } from '../output';
import { shownValue } from '../terminalText';
import { DossierError } from '../../contract/errors';

function place(r: Redaction): string {
  const where = r.page !== null ? `p. ${r.page}` : r.span_start !== null ? `chars ${r.span_start}-${r.span_end}` : 'everywhere';
  return r.box ? `${where} box ${r.box.x},${r.box.y},${r.box.w},${r.box.h}` : where;
}

function redactionLine(r: Redaction): string {
  return `${r.status} ${r.category} (${r.rule ? `FRCP ${r.rule}` : 'personal data'}) ${r.value ?? '[box]'} -> ${r.kept || '[nothing kept]'} · ${r.id}`;
}

/** "x,y,w,h" as four non-negative numbers. */
function parseBox(text: string): { x: number; y: number; w: number; h: number } {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n) || n < 0)) throw new DossierError('INVALID_REQUEST', `--box takes x,y,w,h (four numbers from the page's top-left corner), not "${text}".`);
  const [x, y, w, h] = parts as [number, number, number, number];
  return { x, y, w, h };
}

/** `dossier redact scan|list|accept|reject|add`: Rule 5.2 redaction candidates and decisions. */
export function registerRedactCommands(program: Command): void {
  const redact = program.command('redact').description('Redaction for public filings (Fed. R. Civ. P. 5.2): find identifiers, review them, add your own');

  redact
    .command('scan')
    .description('Find SSNs/ITINs, EINs, payment cards, IBANs, account numbers and birth dates in the exhibits and store them as candidates to review')
    .argument('<file>', 'case file')
    .option('--exhibit <ref...>', 'only these exhibits (id, number or label)')
    .option('--emails', 'also find e-mail addresses (opt-in)')
    .option('--phones', 'also find phone numbers (opt-in)')
    .action(async (file: string, opts: { exhibit?: string[]; emails?: boolean; phones?: boolean }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const optIn = [...(opts.emails ? ['email' as const] : []), ...(opts.phones ? ['phone' as const] : [])];
      await withContract(file, options, async (call) => {
        const report = await call('redact.scan', { ...(opts.exhibit ? { exhibits: opts.exhibit } : {}), ...(optIn.length ? { optIn } : {}) });
        emit(options, report, () =>
          [
            `Scanned ${report.exhibitsScanned} exhibit(s): ${report.found} identifier(s) found, ${report.added} new candidate(s) to review, ${report.alreadyKnown} already known.`,
            ...report.notScanned.map((n) => `  not scanned: ${n.exhibit}: ${n.reason}`),
            report.added > 0 ? `Review them: dossier redact list ${shownValue(file)}` : '',
          ].filter(Boolean).join('\n'),
        );
      });
    });

  redact
    .command('list')
    .description('List redactions (candidates and decisions), of one exhibit or all')
    .argument('<file>', 'case file')
    .argument('[exhibit]', 'exhibit id, number or label')
    .option('--status <status>', 'only pending, accepted or rejected')
    .action(async (file: string, exhibit: string | undefined, opts: { status?: 'pending' | 'accepted' | 'rejected' }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const rows = await call('redact.list', { ...(exhibit ? { exhibit } : {}), ...(opts.status ? { status: opts.status } : {}) });
        emit(options, rows, () =>
          rows.length === 0
            ? 'No redactions. Find candidates with dossier redact scan FILE.'
            : table(
                ['exhibit', 'status', 'category', 'rule', 'where', 'value', 'kept', 'decided by', 'id'],
                rows.map((r) => [r.exhibit_label ?? '', r.status, r.category, r.rule ? `FRCP ${r.rule}` : '-', place(r), r.value ?? '[box]', r.kept || '-', r.decided_by ?? '-', r.id]),
              ),
        );
      }, { readonly: true });
    });

  for (const [name, decision] of [['accept', 'accepted'], ['reject', 'rejected']] as const) {
    redact
      .command(name)
      .description(name === 'accept' ? 'Accept a candidate: it is burnt into public filings' : 'Reject a candidate: it is not an identifier to redact')
      .argument('<file>', 'case file')
      .argument('<id>', 'the redaction id (dossier redact list)')
      .option('--reason <text>', 'why (kept with the decision)')
      .action(async (file: string, id: string, opts: { reason?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        await withContract(file, options, async (call) => {
          const r = await call('redact.decide', { id, decision, ...(opts.reason ? { reason: opts.reason } : {}) });
          emit(options, r, () => redactionLine(r));
        });
      });
  }

  redact
    .command('add')
    .description('Redact by hand: a text wherever it appears in the exhibit, or a box on a page (PDF points or image pixels, from the top-left)')
    .argument('<file>', 'case file')
    .argument('<exhibit>', 'exhibit id, number or label')
    .option('--text <text>', 'the text to redact')
    .option('--page <n>', 'the page the box is on (1 for an image)')
    .option('--box <x,y,w,h>', 'the box to black out')
    .option('--category <category>', 'ssn, itin, ein, payment_card, iban, account_number, birth_date, minor_name, email, phone or other (default other)')
    .option('--reason <text>', 'why')
    .action(async (file: string, exhibit: string, opts: { text?: string; page?: string; box?: string; category?: string; reason?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      if ((opts.text === undefined) === (opts.box === undefined)) throw new DossierError('INVALID_REQUEST', 'Give --text "..." or --page N --box x,y,w,h.');
      const page = opts.page === undefined ? undefined : Number(opts.page);
      if (page !== undefined && !(Number.isInteger(page) && page >= 1)) throw new DossierError('INVALID_REQUEST', `--page takes a page number from 1, not "${opts.page}".`);
      await withContract(file, options, async (call) => {
        const r = await call('redact.add', {
          exhibit,
          ...(opts.text !== undefined ? { text: opts.text } : {}),
          ...(opts.box !== undefined ? { box: parseBox(opts.box) } : {}),
          ...(page !== undefined ? { page } : {}),
          ...(opts.category ? { category: opts.category as Redaction['category'] } : {}),
          ...(opts.reason ? { reason: opts.reason } : {}),
        });
        emit(options, r, () => redactionLine(r));
      });
    });
}
