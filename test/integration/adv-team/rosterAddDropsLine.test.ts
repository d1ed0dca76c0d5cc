import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: low.
 * What a user sees: `dossier roster add case.dossier "$(dossier identity show alice.key)"
 * "$(dossier identity show bob.key)"` (two teammates, each pasted as `identity show` prints it,
 * with its "# Fingerprint" comment line) prints only "Added Alice Example ..." and exits 0; Bob is
 * silently not added. The words are joined with a space, so Bob's identity line ends up on the
 * same text line as Alice's "# Fingerprint ..." comment and is dropped with it.
 * Why it matters: a line the user gave is ignored without a word; the team lead thinks Bob is in
 * the roster, and Bob's shares are then refused (SENDER_UNKNOWN) or `share --to Bob` fails later,
 * far from the cause. Either add both or refuse the command (one clear error), never drop one.
 */

describe('roster add with two pasted identity blocks', () => {
  it('adds both teammates or refuses; never drops one silently', () => {
    const dir = tempDir();
    const file = path.join(dir, 'case.dossier');
    runCliJson(['demo', file]);
    const env = { DOSSIER_PASSPHRASE: 'pass' };
    const show = (name: string) => {
      const key = path.join(dir, `${name}.dossier-key`);
      expect(runCli(['identity', 'new', '--name', `${name} Example`, '--out', key], { env }).status).toBe(0);
      const shown = runCli(['identity', 'show', key], { env });
      expect(shown.stdout).toContain('# Fingerprint');
      return shown.stdout.trimEnd();
    };
    const alice = show('Alice');
    const bob = show('Bob');
    const added = runCli(['roster', 'add', file, alice, bob]);
    const roster = runCliJson<{ name: string }[]>(['roster', 'list', file]);
    if (added.status === 0) {
      expect(roster.map((m) => m.name).sort()).toEqual(['Alice Example', 'Bob Example']);
    } else {
      expect(roster).toHaveLength(0);
    }
  }, 120_000);
});
