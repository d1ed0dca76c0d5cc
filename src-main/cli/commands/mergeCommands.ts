import type { Command } from 'commander';
import type { MergeReport } from '../../contract/MergeReport';
import type { IdentityVault } from '../../share/identityVault';
import { shareKind } from '../../share/shareKind';
import { emit, type GlobalOptions, table } from '../output';
import { shownValue } from '../terminalText';
import { type KeyOptions, type ShareSecrets, withAcceptHint, withShareSecrets } from '../shareKeys';
import { casePath, withContract } from '../contractSession';

/** The tables the summary's "custody/status/history/audit entries" counts, and only those. */
const ENTRY_TABLES = ['custody_event', 'website_status_event', 'record_history', 'audit_entry'] as const;

/**
 * Names for the other keys of `appended` (merge/mergeCaseFile.ts and merge/mutableTables.ts
 * APPEND_ONLY_TABLES: a table added there is printed under its table name until named here).
 */
const APPENDED_LABELS: Record<string, string> = {
  audit_seal: 'audit seals',
  packet_export: 'packet exports',
  packet_exhibit: 'packet exhibit rows',
  production: 'productions',
  capture: 'web capture rows',
};

function describeMerge(report: MergeReport): string {
  const from = report.share
    ? `${shownValue(report.otherPath)} (a share from ${shownValue(report.share.sender.name)}, ${report.share.sender.fingerprint}${report.share.sender.known ? '' : ', accepted by fingerprint'})`
    : shownValue(report.otherPath);
  if (report.unchanged) return `Nothing new in ${from}: already up to date.`;
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const entries = ENTRY_TABLES.reduce((n, table) => n + (report.appended[table] ?? 0), 0);
  // The rest of what was appended, each under its own name: a number printed says what it counts.
  const others = Object.entries(report.appended)
    .filter(([table, n]) => n > 0 && !(ENTRY_TABLES as readonly string[]).includes(table))
    .map(([table, n]) => `${APPENDED_LABELS[table] ?? table}: ${n}`);
  const lines = [
    `Merged ${from}`,
    `  new records: ${sum(report.inserted)}, updated: ${sum(report.updated)}, custody/status/history/audit entries: ${entries}, evidence files: ${report.evidenceContentsCopied}`,
  ];
  if (others.length) lines.push(`  also taken in: ${others.join(', ')}`);
  if (report.restored) lines.push('', report.restored.message);
  if (report.rosterRemoved.length) {
    lines.push(
      '',
      `TEAM ROSTER: the other copy removed ${report.rosterRemoved.length} teammate(s) from this case's roster; their shares are no longer accepted and nothing is shared to them:`,
      ...report.rosterRemoved.map((k) => `  ${shownValue(k.name)} (${k.fingerprint})`),
      'If one was removed by mistake, compare the fingerprint with them and add them again (dossier roster add).',
    );
  }
  if (report.conflicts.length) {
    lines.push('', `${report.conflicts.length} conflict(s) to review:`, table(['kind', 'record', 'what happened'], report.conflicts.map((c) => [c.kind, c.record_id, c.message])));
  }
  return lines.join('\n');
}

export function registerMergeCommands(program: Command): void {
  program
    .command('merge')
    .description("Bring another copy of the same case (a teammate's copy or share) into this case file; nothing either side wrote is lost")
    .argument('<file>', 'your case file')
    .argument('<other>', 'the other copy (.dossier) or a share of it (.dossier.age)')
    .option('--identity <keyfile>', 'your key file (to open a share sent to you)')
    .option('--accept-sender <fingerprint>', "accept a share's sender who is not in this case's roster, after comparing this fingerprint with them")
    .option('--passphrase-file <path>', "file whose first line is the key file's passphrase (else $DOSSIER_PASSPHRASE, else asked)")
    .option('--share-passphrase-file <path>', 'file whose first line is the share passphrase (else $DOSSIER_SHARE_PASSPHRASE, else asked)')
    .action(async (file: string, otherPath: string, opts: KeyOptions, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const otherAbsolute = casePath(otherPath);
      const merge = (secrets: ShareSecrets, vault?: IdentityVault) =>
        withContract(
          file,
          options,
          async (call) => {
            const report = await call('case.merge', { otherPath: otherAbsolute, ...secrets }, { otherPath: 'OTHER', acceptSender: '--accept-sender' }).catch((error: unknown) => {
              throw withAcceptHint(error);
            });
            emit(options, report, () => describeMerge(report));
          },
          { identityVault: vault },
        );
      // Told apart by content, not by name: a share is an age file whatever it is called.
      if ((await shareKind(otherPath)) === 'none') await merge({});
      else await withShareSecrets(otherPath, opts, merge);
    });
}
