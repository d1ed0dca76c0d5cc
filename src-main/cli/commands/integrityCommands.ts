import type { Command } from 'commander';
import type { CaseCheckReport, CheckpointVerification } from '../../contract/integrity';
import path from 'node:path';
import { verifyHistory } from '../../integrity/auditCheckpoint';
import { shareCheckpoint } from '../../share/shareCheckpoint';
import { shareKind } from '../../share/shareKind';
import { setExitStatus } from '../cliIo';
import { casePath, withContract } from '../contractSession';
import { DossierError } from '../../contract/errors';
import { unopenableCaseReport } from '../../integrity/unopenableCaseReport';
import { emit, type GlobalOptions } from '../output';
import { shownValue } from '../terminalText';
import { type KeyOptions, receiveKeysFor, withKeyFileVault } from '../shareKeys';
import { withCase } from '../withCase';

/** Exit status of `dossier check` when any check fails: a failed verification (README: exit status). */
export const CHECK_FAILED_EXIT = 4;

function formatCheck(report: CaseCheckReport): string {
  const lines = [`${report.ok ? 'All checks hold' : 'CHECK FAILED'} for ${shownValue(report.path)} (schema ${report.schemaVersion}):`];
  for (const s of report.sections) lines.push(`  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(12)} ${s.summary}`);
  if (report.findings.length > 0) lines.push('', 'Findings:');
  for (const f of report.findings) {
    const where = [f.table, f.id, f.fields?.length ? `fields ${f.fields.join(', ')}` : null].filter(Boolean).join(' · ');
    lines.push(`  [${f.check}] ${f.message}${where ? `\n      ${where}` : ''}`);
  }
  return lines.join('\n');
}

/** `dossier audit verify FILE --against ARTEFACT`, called by the audit verify command. */
export async function verifyAgainstCommand(file: string, artefact: string, options: GlobalOptions, keyOptions: KeyOptions = {}): Promise<void> {
  const artefactPath = path.resolve(artefact);
  let report: CheckpointVerification;
  if ((await shareKind(artefactPath)) !== 'none') {
    // A share's heads are inside its encryption: opening it needs the CLI's key file or passphrase.
    const keys = await receiveKeysFor(artefactPath, keyOptions);
    report = await withCase(file, options, async (caseFile) =>
      verifyHistory(caseFile.db, await shareCheckpoint(artefactPath, { ...(keys.identity ? { identity: keys.identity } : {}), ...(keys.passphrase !== undefined ? { passphrase: keys.passphrase } : {}) }, path.dirname(caseFile.path)), true, artefactPath),
    );
  } else {
    report = await withContract(file, options, (call) => call('audit.verifyAgainst', { artefactPath }), { readonly: true });
  }
  const c = report.checkpoint;
  emit(options, report, () =>
    [
      report.ok ? `The case holds exactly the history ${artefact} certified, and more since.` : `THE CASE DOES NOT HOLD THE HISTORY ${artefact} CERTIFIED:`,
      ...report.problems.map((p) => `  ${p}`),
      `Checkpoint of ${c.createdAt} (${c.reason}): ${c.entries} audit entries in ${c.heads.length} chain(s)${c.records === null ? '' : `, ${c.records} records`}; ${
        report.signatureValid === null ? 'unsigned' : report.signatureValid ? `signed by ${c.signer!.name} (${c.signer!.fingerprint})` : 'SIGNATURE INVALID'
      }.`,
    ].join('\n'),
  );
  if (!report.ok) setExitStatus(3);
}

/** `dossier check` and `dossier audit checkpoint`. */
export function registerIntegrityCommands(program: Command): void {
  program
    .command('check')
    .description('Check everything a case file must hold: SQLite integrity and references, schema, audit chains, records against their audit seals, custody, evidence bytes, unfinished imports')
    .argument('<file>', 'case file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const report = await withContract(file, options, (call) => call('case.check', {}), { readonly: true, reportDamage: true }).catch((error: unknown) => {
        // Damage SQLite can open around is reported by case.check itself; a file it cannot open
        // at all (truncated) escapes as CASE_FILE_CORRUPT from case.open, and is the finding here.
        if (!(error instanceof DossierError && error.code === 'CASE_FILE_CORRUPT')) throw error;
        return unopenableCaseReport(casePath(file), error.message);
      });
      emit(options, report, () => formatCheck(report));
      if (!report.ok) setExitStatus(CHECK_FAILED_EXIT);
    });

  program.commands
    .find((c) => c.name() === 'roster')
    ?.command('trust')
    .description('Trust a teammate whose key arrived with a merge, after comparing the fingerprint with them')
    .argument('<file>', 'case file')
    .argument('<fingerprint>', 'the key fingerprint the merge reported')
    .action(async (file: string, fingerprint: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const trusted = await call('roster.trust', { fingerprint });
        emit(options, trusted, () => `${trusted.name} (${trusted.fingerprint}) is now trusted in this case's roster.`);
      });
    });

  const audit = program.commands.find((c) => c.name() === 'audit');
  if (!audit) throw new Error('the audit command must be registered before the integrity commands');
  // Keys for `audit verify --against SHARE.dossier.age` (the share's heads are encrypted).
  audit.commands
    .find((c) => c.name() === 'verify')
    ?.option('--identity <keyfile>', 'with --against a share: your key file, to open it')
    .option('--passphrase-file <path>', "with --identity: file holding the key file's passphrase")
    .option('--share-passphrase-file <path>', 'with --against a passphrase share: file holding its passphrase');
  audit
    .command('checkpoint')
    .description('Sign the audit chain heads, counts and time with your identity: an anchor outside the case file for "audit verify --against"')
    .argument('<file>', 'case file')
    .option('--out <path>', 'write the signed checkpoint to this file (never over an existing one)')
    .requiredOption('--identity <keyfile>', 'your key file (signs the checkpoint)')
    .option('--passphrase-file <path>', "file holding the key file's passphrase (else $DOSSIER_PASSPHRASE or a prompt)")
    .action(async (file: string, opts: KeyOptions & { out?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      // The key file is the session's identity store, as for share: the checkpoint is signed
      // through the contract's audit.checkpoint, exactly as the app signs with its vault.
      await withKeyFileVault(opts.identity!, opts, (vault, identityPassphrase) =>
        withContract(
          file,
          options,
          async (call) => {
            const { path: written, signed } = await call('audit.checkpoint', { ...(opts.out ? { outPath: path.resolve(opts.out) } : {}), identityPassphrase }, { outPath: '--out' });
            const c = signed.checkpoint;
            emit(options, { path: written, signed }, () =>
              written
                ? `Checkpoint of ${c.entries} audit entries in ${c.heads.length} chain(s) signed by ${c.signer?.name ?? 'you'} (${c.signer?.fingerprint ?? ''}), written to ${shownValue(written)}.`
                : JSON.stringify(signed, null, 2),
            );
          },
          { identityVault: vault },
        ),
      );
    });
}
