import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyFile } from '../../src-main/share/keyFile';
import { generateUserIdentity } from '../../src-main/share/userIdentity';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';
import { writeBulkFile } from '../unit/evidence/evidenceFiles';

const BIN = path.resolve(import.meta.dirname, '../../bin/dossier.js');

/** Every regular file below `dir`, hidden folders included. */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Runs the command and kills it with SIGKILL as soon as `ready` holds (polled), as a crash would. */
async function killWhen(args: string[], env: NodeJS.ProcessEnv, ready: () => boolean): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 5) {
    if (ready()) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return exited;
}

async function bigCase(): Promise<{ caseFile: string; exhibit: string }> {
  const caseFile = path.join(tempDir(), 'storm.dossier');
  runCliJson(['new', caseFile, '--title', 'Storm']);
  const big = writeBulkFile(tempDir(), 'disk.img', 96 << 20);
  const added = runCliJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', caseFile, big]);
  return { caseFile, exhibit: added.items[0]!.evidence.id };
}

/** Alice's identity in a key file, and the environment that unlocks it for the CLI. */
async function aliceKeyFile() {
  const alice = await generateUserIdentity('Alice Example');
  const key = path.join(tempDir(), 'alice.dossier-key');
  await createKeyFile(key, alice, 'alice pass', { scryptWorkFactor: 10 });
  return { alice, key, env: { ...process.env, DOSSIER_ACTOR: 'CLI Tester', DOSSIER_PASSPHRASE: 'alice pass' } };
}

describe('outputs killed midway', () => {
  it('a killed receive leaves a decrypted copy in a private folder; the next receive into that folder sweeps it', async () => {
    const { alice, key, env } = await aliceKeyFile();
    const { caseFile } = await bigCase();
    const share = path.join(tempDir(), 'storm.dossier.age');
    const shared = runCli(['share', caseFile, '--to', alice.publicIdentity.ageRecipient, '--out', share, '--identity', key], { env });
    expect(shared.status, shared.stderr).toBe(0);

    const outDir = tempDir();
    const receive = (name: string) => ['receive', share, '--out', path.join(outDir, name), '--identity', key, '--accept-sender', alice.publicIdentity.fingerprint];
    const plainBytes = () => filesBelow(outDir).filter((f) => path.basename(f) === 'case.dossier' && fs.statSync(f, { throwIfNoEntry: false })?.size);
    expect(await killWhen(receive('first.dossier'), env, () => plainBytes().length > 0), 'the receive must be killed while decrypting').toBe('SIGKILL');
    expect(plainBytes().length, 'what the killed receive left (the sweep below must remove it)').toBe(1);
    expect(fs.statSync(path.dirname(path.dirname(plainBytes()[0]!))).mode & 0o777).toBe(0o700);

    const again = runCli(receive('second.dossier'), { env });
    expect(again.status, again.stderr).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(['second.dossier']);
  }, 180_000);

  it("a killed extract's partial file is swept by the next output written into that folder", async () => {
    const env = { ...process.env, DOSSIER_ACTOR: 'CLI Tester' };
    const { caseFile, exhibit } = await bigCase();
    const outDir = tempDir();
    const parts = () => fs.readdirSync(outDir).filter((n) => n.endsWith('.dossier-part'));
    expect(await killWhen(['evidence', 'extract', caseFile, exhibit, path.join(outDir, 'disk.img')], env, () => parts().length > 0)).toBe('SIGKILL');
    expect(parts()).toHaveLength(1);
    const again = runCli(['evidence', 'extract', caseFile, exhibit, path.join(outDir, 'copy.img')], { env });
    expect(again.status, again.stderr).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(['copy.img']);
  }, 180_000);

  it("a killed share's private snapshot beside the case is swept the next time the case is opened to write, not by a read", async () => {
    const { alice, key, env } = await aliceKeyFile();
    const { caseFile } = await bigCase();
    const caseDir = path.dirname(caseFile);
    const snapshots = () => filesBelow(caseDir).filter((f) => f.includes('.dossier-share-') && fs.statSync(f, { throwIfNoEntry: false })?.size);
    const args = ['share', caseFile, '--to', alice.publicIdentity.ageRecipient, '--out', path.join(tempDir(), 'x.dossier.age'), '--identity', key];
    expect(await killWhen(args, env, () => snapshots().length > 0)).toBe('SIGKILL');
    expect(snapshots().length).toBeGreaterThan(0);

    expect(runCli(['info', caseFile], { env }).status).toBe(0);
    expect(snapshots().length, 'a read command changes nothing in the folder').toBeGreaterThan(0);
    const write = runCli(['note', 'add', caseFile, '--title', 'After the crash', '--body', 'x'], { env });
    expect(write.status, write.stderr).toBe(0);
    expect(fs.readdirSync(caseDir).sort()).toEqual(['storm.dossier']);
  }, 180_000);
});
