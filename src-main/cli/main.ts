import { Command } from 'commander';
import { cliIo, isEmbedded, processIo } from './cliIo';
import { outputWriteFailed } from './guardOutputStream';
import { registerCaseCommands } from './commands/caseCommands';
import { registerDetailCommands } from './commands/detailCommands';
import { registerEditCommands } from './commands/editCommands';
import { registerEvidenceCommands } from './commands/evidenceCommands';
import { registerMergeCommands } from './commands/mergeCommands';
import { registerPacketCommands } from './commands/packetCommands';
import { registerReadCommands } from './commands/readCommands';
import { registerRecordCommands } from './commands/recordCommands';
import { registerShareCommands } from './commands/shareCommands';
import { registerSiteCommands, registerSiteImportCommand } from './commands/siteCommands';
import { checkRequiredOptionsTogether } from './requiredOptions';
import { DOSSIER_APP_VERSION } from '../share/appVersion';
import { registerCaptureCommands } from './commands/captureCommands';
import { runProgram } from './runProgram';

/** A usage mistake (unknown option or command, missing argument) as the one line every error is. */
function usageError(message: string, write: (text: string) => void): void {
  write(`dossier: ${message.trim().replace(/^error: /, '')} (see --help) [INVALID_REQUEST]\n`);
}
import { registerIntegrityCommands } from './commands/integrityCommands';
import { registerConflictCommands } from './commands/conflictCommands';
import { registerCaptionCommands } from './commands/captionCommands';
import { registerRedactCommands } from './commands/redactCommands';

/** The `dossier` command: the same services as the app, for scripts and headless use. */
export function buildProgram(): Command {
  const program = new Command('dossier')
    .description('Dossier: offline case files for cybercrime investigations')
    .version(DOSSIER_APP_VERSION, '-V, --version', 'print the version of dossier')
    .option('--json', 'print one JSON document on stdout')
    .option('--actor <name>', 'your name for the audit log and custody (default: $DOSSIER_ACTOR or your OS user)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => cliIo().writeOut(text), writeErr: (text) => cliIo().writeErr(text), outputError: usageError });
  registerCaseCommands(program);
  registerRecordCommands(program);
  registerSiteCommands(program);
  registerSiteImportCommand(program);
  registerReadCommands(program);
  registerEvidenceCommands(program);
  registerMergeCommands(program);
  registerPacketCommands(program);
  registerShareCommands(program);
  registerEditCommands(program);
  registerDetailCommands(program);
  registerCaptureCommands(program);
  registerIntegrityCommands(program);
  registerConflictCommands(program);
  registerCaptionCommands(program);
  registerRedactCommands(program);
  checkRequiredOptionsTogether(program);
  return program;
}

// The command itself; runDossier (tests) imports buildProgram without running it.
if (!isEmbedded()) {
  const status = await runProgram(process.argv.slice(2), processIo(), buildProgram);
  // A failed write of the output (not a reader closing it: guardOutputStream) fails the run.
  process.exitCode = status === 0 && outputWriteFailed() ? 1 : status;
}
