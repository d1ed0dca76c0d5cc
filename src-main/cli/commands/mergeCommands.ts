import type { Command } from 'commander';
import { mergeCaseFile } from '../../merge/mergeCaseFile';
import { emit, type GlobalOptions, table } from '../output';
import { withCase } from '../withCase';

export function registerMergeCommands(program: Command): void {
  program
    .command('merge')
    .description("Bring another copy of the same case (a teammate's) into this case file; nothing either side wrote is lost")
    .argument('<file>', 'your case file')
    .argument('<other>', 'the other copy (.dossier)')
    .action(async (file: string, otherPath: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withCase(file, options, (caseFile) => {
        const report = mergeCaseFile(caseFile, otherPath);
        emit(options, report, () => {
          if (report.unchanged) return `Nothing new in ${report.otherPath}: already merged.`;
          const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
          const lines = [
            `Merged ${report.otherPath}`,
            `  new records: ${sum(report.inserted)}, updated: ${sum(report.updated)}, custody/status/history/audit entries: ${sum(report.appended)}, evidence files: ${report.evidenceContentsCopied}`,
          ];
          if (report.conflicts.length) {
            lines.push('', `${report.conflicts.length} conflict(s) to review:`, table(['kind', 'record', 'what happened'], report.conflicts.map((c) => [c.kind, c.record_id, c.message])));
          }
          return lines.join('\n');
        });
      });
    });
}
