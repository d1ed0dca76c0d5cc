import { createHash } from 'node:crypto';
import os from 'node:os';

/** Who makes a change, on which device. Audit chains are kept per device. */
export interface Actor {
  readonly name: string;
  readonly device: string;
}

/** Default actor for this machine: the OS user, and a device id derived from host + user. */
export function localActor(name?: string): Actor {
  const user = os.userInfo().username;
  const device = createHash('sha256').update(`${os.hostname()}\0${user}`).digest('hex').slice(0, 16);
  return { name: name && name.trim() ? name.trim() : user, device };
}
