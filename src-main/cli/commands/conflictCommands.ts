import type { Command } from 'commander';
import type { ConflictListing } from '../../contract/conflicts';
import type { RosterMember } from '../../contract/sharing';
import { pendingRosterText } from '../pendingRoster';
import { CONFLICT_KIND_WORDS } from '../../merge/listConflicts';
import { withContract } from '../contractSession';
import { emit, type GlobalOptions } from '../output';
import { shownValue } from '../terminalText';

function formatConflicts(file: string, conflicts: ConflictListing[], pendingKeys: readonly RosterMember[]): string {
  const open = conflicts.filter((c) => !c.resolution);
  const keys = pendingKeys.length > 0 ? [pendingRosterText(file, pendingKeys)] : [];
  const shownFile = shownValue(file);
  if (conflicts.length === 0) return keys.length > 0 ? keys[0]! : `No open conflicts in ${shownFile}.`;
  const lines = [open.length ? `${open.length} conflict(s) to review in ${shownFile}:` : keys.length > 0 ? `No open merge conflicts in ${shownFile}.` : `No open conflicts in ${shownFile}.`];
  for (const c of conflicts) {
    // One sentence; values it quotes (a note body) keep their line breaks escaped.
    lines.push('', `${c.id}  ${CONFLICT_KIND_WORDS[c.kind]}${c.resolution ? `  (resolved: ${c.resolution}, by ${c.resolved_by} at ${c.resolved_at})` : ''}`, `  ${shownValue(c.summary)}`);
    // A row its seal does not vouch for is not a teammate's work: said first, and no resolve offered (it is refused).
    if (!c.verified) lines.splice(lines.length - 1, 0, `  NOT VERIFIED: ${shownValue(c.unverifiedReason ?? 'it differs from its seal')}; run dossier check ${shownFile}`);
    if (c.resolveWith) lines.push(`  to resolve: dossier conflicts resolve ${shownFile} ${c.id} ${c.resolveWith}`);
  }
  return [...lines, ...keys.flatMap((k) => ['', k])].join('\n');
}

/** `dossier conflicts FILE` and `dossier conflicts resolve FILE ID --keep mine|theirs|VALUE`; `dossier evidence renumber`. */
export function registerConflictCommands(program: Command): void {
  const conflicts = program
    .command('conflicts')
    .description('Conflicts merges found (edits on two copies, delete against edit, duplicates, exhibit numbers, identical exhibits, Bates overlaps), kept until resolved')
    .argument('<file>', 'case file')
    .option('--all', 'also list resolved conflicts')
    .action(async (file: string, opts: { all?: boolean }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const listed = await call('conflicts.list', { includeResolved: opts.all ?? false });
        // Keys a merge held for confirmation are what is left to do after a merge too (roster trust).
        const pendingKeys = options.json ? [] : (await call('roster.list', {})).filter((m) => m.status === 'pending');
        emit(options, listed, () => formatConflicts(file, listed, pendingKeys));
      }, { readonly: true });
    });
  conflicts
    .command('resolve')
    .description('Resolve a conflict: keep your version (mine), the other copy\'s (theirs), or a value (an edited field, an exhibit number)')
    .argument('<file>', 'case file')
    .argument('<id>', 'the conflict id, as dossier conflicts lists it')
    .requiredOption('--keep <what>', 'mine, theirs, or the value to keep')
    .action(async (file: string, id: string, opts: { keep: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const resolved = await call('conflicts.resolve', { id, keep: opts.keep }, { id: 'ID', keep: '--keep' });
        emit(options, resolved, () => `Resolved ${resolved.id} (${resolved.resolution}): ${resolved.summary}`);
      });
    });

  program.commands
    .find((c) => c.name() === 'evidence')
    ?.command('renumber')
    .description('Give an exhibit another number (audited); a number another exhibit holds is refused')
    .argument('<file>', 'case file')
    .argument('<id>', 'exhibit id')
    .argument('<number>', 'the new exhibit number')
    .action(async (file: string, id: string, number: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const exhibitNumber = /^\d+$/.test(number) ? Number(number) : Number.NaN;
        const exhibit = await call('evidence.renumber', { id, exhibitNumber }, { id: 'ID', exhibitNumber: 'N' });
        emit(options, exhibit, () => `${exhibit.exhibit_label} "${exhibit.title}" is now exhibit number ${exhibit.exhibit_number}.`);
      });
    });
}
