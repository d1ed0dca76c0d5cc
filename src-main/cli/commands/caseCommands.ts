import { formatBytes } from '../../contract/formatBytes';
import type { Command } from 'commander';
import { caseSummary } from '../../case/caseSummary';
import { closeCaseFile } from '../../casefile/openCaseFile';
import { buildDemoCase } from '../../demo/buildDemoCase';
import { formatCaseHealth } from '../../integrity/caseHealth';
import type { CaseSummary } from '../../contract/DossierApi';
import { DossierError } from '../../contract/errors';
import { casePath, cliActor, withContract } from '../contractSession';
import { emit, fields, type GlobalOptions } from '../output';
import { shownValue } from '../terminalText';

function formatSummary(summary: CaseSummary): string {
  const { info, counts } = summary;
  const sites = Object.entries(summary.sitesByStatus).map(([status, n]) => `${status.replace(/_/g, ' ')} ${n}`);
  return fields([
    ['Case', info.title],
    ['Code name', info.code_name],
    ['Matter', info.matter_number],
    ['Docket', info.docket_number],
    ['Jurisdiction', info.jurisdiction],
    ['Classification', info.classification],
    ['Status', info.status],
    ['Case id', info.id],
    ['File', `${summary.path} (${formatBytes(summary.fileBytes)}, schema v${summary.schemaVersion})`],
    ['Evidence', counts.evidence],
    ['Websites', `${counts.website}${sites.length ? ` (${sites.join(', ')})` : ''}`],
    ['Court orders', counts.order],
    ['Stakeholders', counts.stakeholder],
    ['Notes', counts.note],
  ]);
}

export function registerCaseCommands(program: Command): void {
  program
    .command('new')
    .description('Create a new case file')
    .argument('<file>', 'path of the new .dossier file')
    .requiredOption('--title <title>', 'case title')
    .option('--code-name <name>', 'operation code name')
    .option('--matter <number>', 'matter number')
    .option('--docket <number>', 'court docket number')
    .option('--jurisdiction <text>', 'jurisdiction')
    .option('--classification <tlp>', 'TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED')
    .action(async (file: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(null, options, async (call) => {
        const summary = await call(
          'case.create',
          {
            path: casePath(file),
            case: {
              title: opts.title!,
              code_name: opts.codeName,
              matter_number: opts.matter,
              docket_number: opts.docket,
              jurisdiction: opts.jurisdiction,
              classification: opts.classification as never,
            },
          },
          { code_name: '--code-name', matter_number: '--matter', docket_number: '--docket' },
        );
        emit(options, summary, () => `Created ${shownValue(summary.path)}\n${formatSummary(summary)}`);
      });
    });

  program
    .command('info')
    .description('Show a case file: the case, counts of items, domains by lifecycle state')
    .argument('<file>', 'case file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const summary = await call('case.summary', {});
        if (!summary) throw new DossierError('NO_CASE_OPEN', `${file} could not be opened.`);
        const health = await call('case.health', {});
        // A capture whose import was interrupted (a crash mid-parse) is named with the command that finishes it.
        const interrupted = (await call('captures.list', {}))
          .filter((c) => c.import_status === 'importing')
          .map((c) => `${c.exhibit_label}: web capture import INTERRUPTED; run "dossier capture reparse ${shownValue(file)} ${c.evidence_id}" to parse it from the stored bytes.`);
        emit(options, { ...summary, ...health }, () => [formatSummary(summary), fields(formatCaseHealth(health)), ...interrupted].join('\n'));
      }, { readonly: true });
    });

  program
    .command('demo')
    .description('Create a sample case from the public Storm-1152 facts (sites, orders, stakeholders, notes, links)')
    .argument('<file>', 'path of the new .dossier file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const caseFile = await buildDemoCase(file, cliActor(options));
      try {
        const summary = caseSummary(caseFile);
        emit(options, summary, () => `Created demo case ${shownValue(summary.path)}\n${formatSummary(summary)}`);
      } finally {
        closeCaseFile(caseFile);
      }
    });
}
