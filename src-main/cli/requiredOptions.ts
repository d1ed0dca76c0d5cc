import type { Command, Option } from 'commander';
import { DossierError } from '../contract/errors';

const REQUIRED = new WeakMap<Command, Option[]>();

/**
 * Takes over commander's required options for the whole program: commander stops at the first
 * missing one, so a user fixes the command line one flag per run. Here every missing option is
 * named in one line ("missing --title, --docket"), and `--help` marks them "(required)".
 * Call once, after every command is registered.
 */
export function checkRequiredOptionsTogether(program: Command): void {
  const visit = (command: Command) => {
    const required = command.options.filter((o) => o.mandatory);
    for (const option of required) {
      option.mandatory = false;
      option.description = `${option.description} (required)`;
    }
    if (required.length) REQUIRED.set(command, required);
    command.commands.forEach(visit);
  };
  visit(program);
  program.hook('preAction', (_program, action) => {
    const required = REQUIRED.get(action) ?? [];
    const values = action.opts();
    const missing = required.filter((o) => values[o.attributeName()] === undefined).map((o) => o.long ?? o.flags);
    if (missing.length) {
      throw new DossierError('INVALID_REQUEST', `missing ${missing.join(', ')} (see dossier ${commandPath(action)} --help)`);
    }
  });
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
