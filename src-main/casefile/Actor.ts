import { createHash } from 'node:crypto';
import os from 'node:os';
import { oneLineProblem } from '../contract/controlCharacters';
import { DossierError } from '../contract/errors';

/** Who makes a change, on which device. Audit chains are kept per device. */
export interface Actor {
  readonly name: string;
  readonly device: string;
}

/**
 * Default actor for this machine: the OS user, and a device id derived from host + user. The name
 * is refused when it holds a control or bidi character: the audit log, custody records and the
 * sworn declaration print it as one line, and "Jane Roe\nIndependently verified ..." would add a
 * line nobody wrote (names stored earlier are spelled out when printed).
 */
export function localActor(name?: string): Actor {
  const user = os.userInfo().username;
  const device = createHash('sha256').update(`${os.hostname()}\0${user}`).digest('hex').slice(0, 16);
  const chosen = name && name.trim() ? name.trim() : user;
  const problem = oneLineProblem(chosen, 'the name');
  if (problem) throw new DossierError('CONTROL_CHARACTER', `The actor name (--actor, $DOSSIER_ACTOR or the app's setting) ${problem}; it is printed as one line in custody records and packets.`);
  return { name: chosen, device };
}
