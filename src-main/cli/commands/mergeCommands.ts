import type { Command } from 'commander';
import type { MergeReport } from '../../contract/MergeReport';
import { mergeCaseFile } from '../../merge/mergeCaseFile';
import { mergeShare } from '../../merge/mergeShare';
import { shareKind } from '../../share/shareKind';
import { emit, type GlobalOptions, table } from '../output';
import { progressLine } from '../progressLine';
import { type KeyOptions, receiveKeysFor, withAcceptHint } from '../shareKeys';
import { withCase } from '../withCase';

function describeMerge(report: MergeReport): string {
  const from = report.share
    ? `${report.otherPath} (a share from ${report.share.sender.name}, ${report.share.sender.fingerprint}${report.share.sender.known ? '' : ', accepted by fingerprint'})`
    : report.otherPath;
  if (report.unchanged) return `Nothing new in ${from}: already merged.`;
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const lines = [
    `Merged ${from}`,
    `  new records: ${sum(report.inserted)}, updated: ${sum(report.updated)}, custody/status/history/audit entries: ${sum(report.appended)}, evidence files: ${report.evidenceContentsCopied}`,
  ];
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
      // Told apart by content, not by name: a share is an age file whatever it is called.
      const isShare = (await shareKind(otherPath)) !== 'none';
      const keys = isShare ? await receiveKeysFor(otherPath, opts) : undefined;
      await withCase(file, options, async (caseFile) => {
        const onProgress = progressLine();
        const report = keys
          ? await mergeShare(caseFile, otherPath, keys, onProgress ? { onProgress } : {}).catch((error: unknown) => {
              throw withAcceptHint(error);
            })
          : mergeCaseFile(caseFile, otherPath);
        emit(options, report, () => describeMerge(report));
      });
    });
}
