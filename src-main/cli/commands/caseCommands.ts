import type { Command } from 'commander';
import { createCase } from '../../case/caseInfo';
import { caseSummary } from '../../case/caseSummary';
import { closeCaseFile } from '../../casefile/openCaseFile';
import { buildDemoCase } from '../../demo/buildDemoCase';
import { emit, fields, type GlobalOptions } from '../output';
import { caseHealth, formatCaseHealth } from '../../integrity/caseHealth';
import { cliActor, withCase } from '../withCase';
import type { CaseSummary } from '../../contract/DossierApi';

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
    ['File', `${summary.path} (${(summary.fileBytes / 1024).toFixed(0)} KiB, schema v${summary.schemaVersion})`],
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
    .action((file: string, opts: Record<string, string>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const caseFile = createCase(
        file,
        {
          title: opts.title!,
          code_name: opts.codeName,
          matter_number: opts.matter,
          docket_number: opts.docket,
          jurisdiction: opts.jurisdiction,
          classification: opts.classification as never,
        },
        cliActor(options),
      );
      try {
        const summary = caseSummary(caseFile);
        emit(options, summary, () => `Created ${summary.path}\n${formatSummary(summary)}`);
      } finally {
        closeCaseFile(caseFile);
      }
    });

  program
    .command('info')
    .description('Show a case file: the case, counts of items, domains by lifecycle state')
    .argument('<file>', 'case file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withCase(file, options, (caseFile) => {
        const summary = caseSummary(caseFile);
        const health = caseHealth(caseFile.db);
        emit(options, { ...summary, ...health }, () => `${formatSummary(summary)}\n${fields(formatCaseHealth(health))}`);
      });
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
        emit(options, summary, () => `Created demo case ${summary.path}\n${formatSummary(summary)}`);
      } finally {
        closeCaseFile(caseFile);
      }
    });
}
