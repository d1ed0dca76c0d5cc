import { Command, CommanderError } from 'commander';
import { DossierError } from '../contract/errors';
import { registerCaseCommands } from './commands/caseCommands';
import { registerEvidenceCommands } from './commands/evidenceCommands';
import { registerMergeCommands } from './commands/mergeCommands';
import { registerPacketCommands } from './commands/packetCommands';
import { registerReadCommands } from './commands/readCommands';
import { registerRecordCommands } from './commands/recordCommands';
import { registerShareCommands } from './commands/shareCommands';
import { registerSiteCommands, registerSiteImportCommand } from './commands/siteCommands';
import { registerIntegrityCommands } from './commands/integrityCommands';
import { fail } from './output';

/** The `dossier` command: the same services as the app, for scripts and headless use. */
export function buildProgram(): Command {
  const program = new Command('dossier')
    .description('Dossier: offline case files for cybercrime investigations')
    .option('--json', 'print one JSON document on stdout')
    .option('--actor <name>', 'your name for the audit log and custody (default: $DOSSIER_ACTOR or your OS user)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerCaseCommands(program);
  registerRecordCommands(program);
  registerSiteCommands(program);
  registerSiteImportCommand(program);
  registerReadCommands(program);
  registerEvidenceCommands(program);
  registerMergeCommands(program);
  registerPacketCommands(program);
  registerShareCommands(program);
  registerIntegrityCommands(program);
  return program;
}

async function run(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; commander already printed its usage message for the rest.
      process.exit(error.exitCode === 0 ? 0 : 2);
    }
    if (error instanceof DossierError || error instanceof Error) fail(error);
    fail(new Error(String(error)));
  }
}

await run(process.argv);
