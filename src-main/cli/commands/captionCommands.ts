import type { Command } from 'commander';
import type { Counsel, FilingCaption, Party } from '../../contract/filingCaption';
import { PARTY_ROLES } from '../../contract/filingCaption';
import { DossierError } from '../../contract/errors';
import { withContract } from '../contractSession';
import { emit, type GlobalOptions } from '../output';

/** The caption as counsel reads it, for the terminal. */
function showCaption(c: FilingCaption): string {
  const lines = [`Court:   ${c.court?.replace(/\n/g, '\n         ') ?? '(not set: dossier caption set FILE --court ...)'}`, `Judge:   ${c.judge ?? '—'}${c.judgeInitials ? ` (${c.judgeInitials})` : ''}`];
  for (const role of PARTY_ROLES) {
    const named = c.parties.filter((p) => p.role === role).map((p) => p.name);
    if (named.length) lines.push(`${role[0]!.toUpperCase()}${role.slice(1)}s: ${named.join('; ')}`);
  }
  if (!c.parties.length) lines.push('Parties: (none: dossier party add FILE --role plaintiff --name ...)');
  for (const k of c.counsel) lines.push(`Counsel: ${[k.name, k.firm, k.barNumber ? `Bar No. ${k.barNumber}` : null, k.representing].filter(Boolean).join(', ')}`);
  return lines.join('\n');
}

/** `caption`, `party` and `counsel`: the caption and signature block every filing of the case carries. */
export function registerCaptionCommands(program: Command): void {
  const caption = program.command('caption').description('The caption of the case\'s filings: court, judge, parties, counsel');
  caption
    .command('show')
    .description('Show the filing caption')
    .argument('<file>', 'case file')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const c = await call('caption.get', {});
        emit(options, c, () => showCaption(c));
      }, { readonly: true });
    });
  caption
    .command('set')
    .description('Set the court, judge and judge\'s initials of the caption')
    .argument('<file>', 'case file')
    .option('--court <text>', 'court as the caption heads it; "\\n" separates lines')
    .option('--judge <name>', 'the judge assigned')
    .option('--judge-initials <XX>', 'appended to the docket number, e.g. PAE -> "1:23-cv-10685 (PAE)"')
    .action(async (file: string, opts: { court?: string; judge?: string; judgeInitials?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const patch = {
        ...(opts.court !== undefined ? { court: opts.court.replace(/\\n/g, '\n') } : {}),
        ...(opts.judge !== undefined ? { judge: opts.judge } : {}),
        ...(opts.judgeInitials !== undefined ? { judgeInitials: opts.judgeInitials } : {}),
      };
      if (!Object.keys(patch).length) throw new DossierError('INVALID_REQUEST', 'Say what to set: --court, --judge or --judge-initials.');
      await withContract(file, options, async (call) => {
        const c = await call('caption.update', { patch }, { 'patch.court': '--court', 'patch.judge': '--judge', 'patch.judgeInitials': '--judge-initials' });
        emit(options, c, () => showCaption(c));
      });
    });

  const party = program.command('party').description('Parties named in the caption (plaintiffs, defendants, "John Does 1-2")');
  const changeParties = (file: string, cmd: Command, change: (parties: Party[]) => Party[]) =>
    withContract(file, cmd.optsWithGlobals<GlobalOptions>(), async (call) => {
      const current = await call('caption.get', {});
      const c = await call('caption.update', { patch: { parties: change(current.parties) } });
      emit(cmd.optsWithGlobals<GlobalOptions>(), c, () => showCaption(c));
    });
  party
    .command('add')
    .description('Add a party to the caption, after the others of its role')
    .argument('<file>', 'case file')
    .requiredOption('--role <role>', PARTY_ROLES.join(', '))
    .requiredOption('--name <name>', 'as the caption prints it, e.g. "MICROSOFT CORPORATION" or "JOHN DOES 1-2"')
    .action((file: string, opts: { role: string; name: string }, cmd: Command) => {
      if (!(PARTY_ROLES as readonly string[]).includes(opts.role)) throw new DossierError('INVALID_REQUEST', `--role must be one of ${PARTY_ROLES.join(', ')}.`);
      return changeParties(file, cmd, (parties) => [...parties, { role: opts.role as Party['role'], name: opts.name }]);
    });
  party
    .command('remove')
    .description('Remove a party from the caption by name')
    .argument('<file>', 'case file')
    .requiredOption('--name <name>', 'the name as listed')
    .action((file: string, opts: { name: string }, cmd: Command) =>
      changeParties(file, cmd, (parties) => {
        if (!parties.some((p) => p.name === opts.name)) throw new DossierError('NOT_FOUND', `No party named "${opts.name}" in the caption; "dossier caption show FILE" lists them.`);
        return parties.filter((p) => p.name !== opts.name);
      }),
    );

  program
    .command('counsel')
    .description('Counsel for the signature block of filings')
    .command('set')
    .description('Add counsel, or replace the counsel of the same name')
    .argument('<file>', 'case file')
    .requiredOption('--name <name>', "counsel's name")
    .option('--firm <firm>', 'law firm')
    .option('--address <text>', 'street address; "\\n" separates lines')
    .option('--phone <phone>', 'telephone')
    .option('--email <email>', 'e-mail address')
    .option('--bar-number <n>', 'bar number')
    .option('--representing <text>', 'e.g. "Attorneys for Plaintiff Microsoft Corporation"')
    .action(async (file: string, opts: Record<string, string | undefined>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const counsel = Object.fromEntries(
        Object.entries({ name: opts.name, firm: opts.firm, address: opts.address?.replace(/\\n/g, '\n'), phone: opts.phone, email: opts.email, barNumber: opts.barNumber, representing: opts.representing }).filter(([, v]) => v !== undefined),
      ) as Counsel;
      await withContract(file, options, async (call) => {
        const current = await call('caption.get', {});
        const others = current.counsel.filter((k) => k.name !== counsel.name);
        const c = await call('caption.update', { patch: { counsel: [...others, counsel] } }, { 'patch.counsel': 'counsel' });
        emit(options, c, () => showCaption(c));
      });
    });
}
