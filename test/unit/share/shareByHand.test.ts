import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createShare } from '../../../src-main/share/createShare';
import { makeCaseFile, makeTeam, makeTempDir, manifestFields, writeAgeIdentityFile } from './shareFixtures';

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => { tmp = makeTempDir(); });
afterAll(() => tmp.cleanup());

/** The shell recipe of docs/share-format.md ("Checking a share by hand"), run as documented. */
const RECIPE = String.raw`
set -eu
age -d -i my.key -o share.tar share.dossier.age
tar -xf share.tar
sha256sum case.dossier | cut -d' ' -f1 > sha.txt
{ printf '302a300506032b6570032100' | xxd -r -p; printf '%s=' "$KEY" | basenc --base64url -d; } > sender.der
openssl pkey -pubin -inform DER -in sender.der -out sender.pem
{ printf 'dossier-share-manifest-v1\n'; cat manifest.json; } > signed.bin
base64 -d manifest.sig > manifest.sig.bin
openssl pkeyutl -verify -pubin -inkey sender.pem -rawin -in signed.bin -sigfile manifest.sig.bin
printf 'dossier-fingerprint-v1\n%s\n%s\n' "$AGE" "$KEY" | sha256sum | cut -c1-24 | tr a-f A-F | sed 's/..../&-/g; s/-$//' > fp.txt
`;

it('the documented by-hand check works with age, tar, sha256sum and openssl', async () => {
  const [alice, bob] = await makeTeam('Alice Example', 'Bob Builder');
  const casePath = path.join(tmp.dir, 'case-src.dossier');
  makeCaseFile(casePath);
  const work = path.join(tmp.dir, 'work');
  fs.mkdirSync(work);
  const created = await createShare({ caseFilePath: casePath, manifestFields, sender: alice!, recipients: [bob!.publicIdentity.ageRecipient] }, path.join(work, 'share.dossier.age'));
  fs.renameSync(writeAgeIdentityFile(tmp.dir, bob!), path.join(work, 'my.key'));
  const env = { ...process.env, KEY: alice!.publicIdentity.ed25519PublicKey, AGE: alice!.publicIdentity.ageRecipient };
  const out = execFileSync('bash', ['-c', RECIPE], { cwd: work, env, encoding: 'utf8' });
  expect(out).toContain('Signature Verified Successfully');
  expect(fs.readFileSync(path.join(work, 'sha.txt'), 'utf8').trim()).toBe(created.manifest.snapshot.sha256);
  expect(fs.readFileSync(path.join(work, 'fp.txt'), 'utf8').trim()).toBe(alice!.publicIdentity.fingerprint);

  // and the same check fails on an edited manifest
  fs.writeFileSync(path.join(work, 'edited.json'), fs.readFileSync(path.join(work, 'manifest.json'), 'utf8').replace('Storm', 'Strom'));
  expect(() => execFileSync('bash', ['-c', `{ printf 'dossier-share-manifest-v1\\n'; cat edited.json; } > bad.bin && openssl pkeyutl -verify -pubin -inkey sender.pem -rawin -in bad.bin -sigfile manifest.sig.bin`], { cwd: work, stdio: 'pipe' })).toThrow();
});
