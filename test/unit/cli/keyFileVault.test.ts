import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withKeyFileVault } from '../../../src-main/cli/shareKeys';
import { createKeyFile } from '../../../src-main/share/keyFile';
import { generateUserIdentity } from '../../../src-main/share/userIdentity';
import { tempDir } from '../../helpers/tempDir';

const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

describe('the CLI key-file vault folder', () => {
  it('is named with its pid, removed after use, and one a killed command left is swept on the next run', async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'me.dossier-key');
    await createKeyFile(keyFile, await generateUserIdentity('Kim Example'), 'kim pass', { scryptWorkFactor: 10 });
    const passFile = path.join(dir, 'pass.txt');
    fs.writeFileSync(passFile, 'kim pass\n');
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    process.env.TMPDIR = tmp;
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    // What a `dossier share` killed with SIGKILL leaves (the key file's encrypted text), and the
    // folder of a command still running (this process stands in for it).
    const stale = path.join(tmp, `dossier-identity-${deadPid}-AbC123`);
    const running = path.join(tmp, `dossier-identity-${process.pid}-XyZ789`);
    const unrelated = path.join(tmp, 'dossier-identity-notapid');
    for (const folder of [stale, running, unrelated]) {
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'identity.json'), '{}');
    }
    let during: string[] = [];
    await withKeyFileVault(keyFile, { passphraseFile: passFile }, async (vault) => {
      during = fs.readdirSync(tmp);
      expect(path.basename(path.dirname(vault.filePath))).toMatch(new RegExp(`^dossier-identity-${process.pid}-[A-Za-z0-9]{6}$`));
    });
    expect(during).not.toContain(path.basename(stale));
    expect(fs.readdirSync(tmp).sort()).toEqual([path.basename(running), path.basename(unrelated)].sort());
  });
});
