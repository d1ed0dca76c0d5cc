import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyFile } from '../../src-main/share/keyFile';
import { formatPublicIdentity } from '../../src-main/share/publicIdentity';
import { generateUserIdentity, type UserIdentity } from '../../src-main/share/userIdentity';
import type { ErrorCode } from '../../src-main/contract/errors';
import { EXIT_STATUS } from '../../src-main/contract/exitStatus';
import { dossier } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';

/*
 * The sharing commands as a user runs them: the program in process (runDossier: same commands,
 * same contract, same output) on real files; the terminal prompts in a real child process. Key files for the
 * teammates are made with a low scrypt work factor to keep the suite fast; `identity new` itself
 * is run once at the real cost.
 */

const BIN = path.resolve(import.meta.dirname, '../../bin/dossier.js');
let alice: UserIdentity, bob: UserIdentity, mallory: UserIdentity;
let keys: string;

beforeAll(async () => {
  alice = await generateUserIdentity('Alice Example');
  bob = await generateUserIdentity('Bob Builder');
  mallory = await generateUserIdentity('Mallory');
  keys = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-keys-'));
  for (const [user, pass] of [[alice, 'alice pass'], [bob, 'bob pass'], [mallory, 'mallory pass']] as const) {
    await createKeyFile(keyOf(user), user, pass, { scryptWorkFactor: 10 });
  }
});
afterAll(() => fs.rmSync(keys, { recursive: true, force: true }));

function keyOf(user: UserIdentity): string {
  return path.join(keys, `${user.name.split(' ')[0]!.toLowerCase()}.dossier-key`);
}

const as = (user: UserIdentity) => ({ DOSSIER_PASSPHRASE: `${user.name.split(' ')[0]!.toLowerCase()} pass` });

async function ok<T = unknown>(args: string[], env: Record<string, string> = {}): Promise<T> {
  const result = await dossier([...args, '--json'], { env });
  if (result.status !== 0) throw new Error(`dossier ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/**
 * Runs a command that must fail with `code`: one line on stderr, no stack, nothing on stdout, and
 * the exit status the contract's table gives that code (2 input, 4 failed verification ...).
 */
async function refused(args: string[], code: ErrorCode, env: Record<string, string> = {}, status: number = EXIT_STATUS[code]): Promise<string> {
  const result = await dossier(args, { env });
  expect(result.stderr, args.join(' ')).toContain(`[${code}]`);
  expect(result.status, result.stderr).toBe(status);
  expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
  return result.stderr;
}

function integrity(file: string): string {
  return execFileSync('sqlite3', [file, 'PRAGMA integrity_check;'], { encoding: 'utf8' }).trim();
}

describe('dossier identity', () => {
  it('creates a key file (0600, never overwritten) and shows its public line; passphrases are required', async () => {
    const dir = tempDir();
    const key = path.join(dir, 'me.dossier-key');
    const created = await ok<{ fingerprint: string; publicIdentity: string }>(['identity', 'new', '--name', 'Pat Example', '--out', key], { DOSSIER_PASSPHRASE: 'pat pass' });
    expect(created.publicIdentity).toMatch(/^dossier-identity-v1 age1\S+ \S+ [0-9A-F-]{29} Pat Example$/);
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    const passFile = path.join(dir, 'pass.txt');
    fs.writeFileSync(passFile, 'pat pass\n');
    const shown = await dossier(['identity', 'show', key, '--passphrase-file', passFile]);
    expect(shown.stdout.split('\n')[0]).toBe(created.publicIdentity);
    expect(shown.stdout).toContain(`# Fingerprint: ${created.fingerprint}`);

    const before = fs.readFileSync(key);
    await refused(['identity', 'new', '--name', 'Pat', '--out', key], 'KEY_FILE_EXISTS', { DOSSIER_PASSPHRASE: 'x' });
    expect(fs.readFileSync(key).equals(before)).toBe(true);
    await refused(['identity', 'new', '--name', 'Pat', '--out', path.join(dir, 'empty.key')], 'PASSPHRASE_REQUIRED', { DOSSIER_PASSPHRASE: '' });
    // no passphrase given and no terminal to ask on
    await refused(['identity', 'new', '--name', 'Pat', '--out', path.join(dir, 'none.key')], 'PASSPHRASE_REQUIRED');
    expect(fs.existsSync(path.join(dir, 'empty.key')) || fs.existsSync(path.join(dir, 'none.key'))).toBe(false);
    await refused(['identity', 'show', key], 'KEY_FILE_WRONG_PASSPHRASE', { DOSSIER_PASSPHRASE: 'wrong' });
    await refused(['identity', 'show', path.join(dir, 'missing.key')], 'KEY_FILE_NOT_FOUND', { DOSSIER_PASSPHRASE: 'x' });
  });

  it('asks for the passphrase on a terminal without echoing it, twice for a new key file; shows progress there', async () => {
    const dir = tempDir();
    const key = path.join(dir, 'tty.dossier-key');
    const typed = await inTerminal(`${process.execPath} ${BIN} identity new --name Terry --out ${key}`, [
      ['Passphrase for the new key file:', 'hunter2 typed\r'],
      ['Again, to confirm:', 'hunter2 typed\r'],
    ]);
    expect(typed.output).toContain('Created key file');
    expect(typed.output).not.toContain('hunter2');
    expect((await dossier(['identity', 'show', key], { env: { DOSSIER_PASSPHRASE: 'hunter2 typed' } })).status).toBe(0);

    const mismatch = await inTerminal(`${process.execPath} ${BIN} identity new --name Terry --out ${path.join(dir, 'm.key')}`, [
      ['Passphrase for the new key file:', 'one\r'],
      ['Again, to confirm:', 'two\r'],
    ]);
    expect(mismatch.output).toContain('[PASSPHRASE_REQUIRED]');
    expect(fs.existsSync(path.join(dir, 'm.key'))).toBe(false);

    // a share run on a terminal prints a percentage line on stderr
    const file = path.join(dir, 'p.dossier');
    await ok(['new', file, '--title', 'Progress']);
    const shared = await inTerminal(
      `env DOSSIER_PASSPHRASE='alice pass' ${process.execPath} ${BIN} share ${file} --to ${alice.publicIdentity.ageRecipient} --out ${path.join(dir, 'p.dossier.age')} --identity ${keyOf(alice)}`,
      [],
    );
    expect(shared.output).toMatch(/Encrypting: 100%/);
  });
});

describe('two teammates through the CLI', () => {
  it('Alice shares to Bob, Bob confirms her key and receives, works, shares back; Alice merges: both sides present', async () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'storm.dossier');
    await ok(['new', caseFile, '--title', 'Storm-1152'], { DOSSIER_ACTOR: 'Alice' });
    const aliceLine = (await dossier(['identity', 'show', keyOf(alice)], { env: as(alice) })).stdout;
    const pubFile = path.join(dir, 'alice.pub');
    fs.writeFileSync(pubFile, aliceLine);
    await ok(['roster', 'add', caseFile, '--from-file', pubFile, '--role', 'lead']);
    // Quoted, as one argument: a key may start with '-', which unquoted would read as an option.
    // Pasted whole, as "identity show" prints it (the line and its "# Fingerprint" comment): it was refused.
    const bobShown = (await dossier(['identity', 'show', keyOf(bob)], { env: as(bob) })).stdout;
    expect(bobShown.trim().split('\n')).toHaveLength(2);
    await ok(['roster', 'add', caseFile, bobShown]);
    const roster = await ok<{ name: string; role: string | null }[]>(['roster', 'list', caseFile]);
    expect(roster.map((m) => [m.name, m.role])).toEqual([['Alice Example', 'lead'], ['Bob Builder', null]]);
    await refused(['roster', 'add', caseFile, formatPublicIdentity(bob.publicIdentity)], 'ROSTER_DUPLICATE');
    const plan = await ok<{ id: string }>(['note', 'add', caseFile, '--title', 'Plan', '--body', 'v1']);

    const toBob = path.join(dir, 'storm-to-bob.dossier.age');
    const created = await ok<{ recipients: { name: string }[]; manifestSha256: string }>(
      ['share', caseFile, '--to', 'Bob', '--out', toBob, '--identity', keyOf(alice)],
      as(alice),
    );
    expect(created.recipients.map((r) => r.name)).toEqual(['Bob Builder']);

    const bobFile = path.join(dir, 'bob.dossier');
    const unknown = await refused(['receive', toBob, '--identity', keyOf(bob), '--out', bobFile], 'SENDER_UNKNOWN', as(bob));
    expect(unknown).toContain(`--accept-sender ${alice.publicIdentity.fingerprint}`);
    expect(fs.existsSync(bobFile)).toBe(false);
    const received = await dossier(['receive', toBob, '--identity', keyOf(bob), '--out', bobFile, '--accept-sender', alice.publicIdentity.fingerprint.toLowerCase()], { env: as(bob) });
    expect(received.status, received.stderr).toBe(0);
    expect(received.stdout).toContain('Received "Storm-1152"');
    expect(received.stdout).toContain('accepted by its fingerprint');
    // The signature proves who made the share, not who handed it over (a recipient can re-encrypt it).
    expect(received.stdout).toContain(`Made and signed by ${alice.publicIdentity.name} (${alice.publicIdentity.fingerprint}`);
    // the next share from Alice is trusted through Bob's own copy
    await ok(['receive', toBob, '--identity', keyOf(bob), '--out', path.join(dir, 'bob2.dossier'), '--case', bobFile], as(bob));

    await ok(['note', 'add', bobFile, '--title', 'Registrar reply', '--body', 'transfer confirmed'], { DOSSIER_ACTOR: 'Bob' });
    await ok(['note', 'add', caseFile, '--title', 'Alice meanwhile', '--body', 'hosting'], { DOSSIER_ACTOR: 'Alice' });
    const toAlice = path.join(dir, 'bob-to-alice.dossier.age');
    await ok(['share', bobFile, '--to', 'alice example', '--out', toAlice, '--identity', keyOf(bob)], as(bob));

    const report = await ok<{ unchanged: boolean; share: { sender: { name: string; known: boolean } } }>(
      ['merge', caseFile, toAlice, '--identity', keyOf(alice)],
      as(alice),
    );
    expect(report).toMatchObject({ unchanged: false, share: { sender: { name: 'Bob Builder', known: true } } });
    const notes = (await ok<{ items: { title: string }[] }>(['list', caseFile, 'notes'])).items.map((n) => n.title).sort();
    expect(notes).toEqual(['Alice meanwhile', 'Plan', 'Registrar reply']);
    expect((await ok<{ item: { body: string } }>(['show', caseFile, plan.id])).item.body).toBe('v1');
    expect((await dossier(['merge', caseFile, toAlice, '--identity', keyOf(alice)], { env: as(alice) })).stdout).toContain('already up to date');
    expect((await ok<{ ok: boolean }>(['audit', 'verify', caseFile])).ok).toBe(true);
    expect(integrity(caseFile)).toBe('ok');

    await ok(['roster', 'remove', caseFile, bob.publicIdentity.fingerprint]);
    await refused(['merge', caseFile, toAlice, '--identity', keyOf(alice)], 'SENDER_UNKNOWN', as(alice));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('receive refuses, each failure with its own code and exit status, writing nothing', () => {
  it('wrong key, truncated file, tampered byte, wrong signature, unknown sender, existing output, usage', async () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'c.dossier');
    await ok(['new', caseFile, '--title', 'Failures']);
    const share = path.join(dir, 'c.dossier.age');
    await ok(['share', caseFile, '--to', bob.publicIdentity.ageRecipient, '--out', share, '--identity', keyOf(alice)], as(alice));
    const out = path.join(dir, 'out.dossier');
    const accept = ['--accept-sender', alice.publicIdentity.fingerprint];
    const bytes = fs.readFileSync(share);
    const variant = (name: string, edit: (b: Buffer) => Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, edit(Buffer.from(bytes)));
      return file;
    };

    await refused(['receive', share, '--identity', keyOf(mallory), '--out', out, ...accept], 'NO_MATCHING_IDENTITY', as(mallory));
    await refused(['receive', variant('cut.age', (b) => b.subarray(0, b.length - 1000)), '--identity', keyOf(bob), '--out', out, ...accept], 'SHARE_TRUNCATED', as(bob));
    await refused(['receive', variant('flip.age', (b) => { b[Math.floor(b.length / 2)]! ^= 0x04; return b; }), '--identity', keyOf(bob), '--out', out, ...accept], 'SHARE_TAMPERED', as(bob));
    await refused(['receive', share, '--identity', keyOf(bob), '--out', out], 'SENDER_UNKNOWN', as(bob));
    await refused(['receive', share, '--identity', keyOf(bob), '--out', out, '--accept-sender', mallory.publicIdentity.fingerprint], 'SENDER_UNKNOWN', as(bob));
    await refused(['receive', share, '--identity', keyOf(bob), '--out', out, ...accept], 'KEY_FILE_WRONG_PASSPHRASE', { DOSSIER_PASSPHRASE: 'nope' });
    await refused(['receive', share, '--out', out, ...accept], 'INVALID_REQUEST', {}, 2);
    await refused(['receive', caseFile, '--identity', keyOf(bob), '--out', out], 'NOT_A_SHARE', as(bob));
    fs.writeFileSync(out, 'mine');
    await refused(['receive', share, '--identity', keyOf(bob), '--out', out, ...accept], 'FILE_EXISTS', as(bob));
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    fs.rmSync(out);

    // a wrong signature: Alice's manifest signed by Mallory, re-packed with GNU tar, encrypted by the age CLI
    const x = path.join(dir, 'x');
    fs.mkdirSync(x);
    const bobAgeKey = path.join(dir, 'bob.agekey');
    fs.writeFileSync(bobAgeKey, `${bob.ageIdentity}\n`, { mode: 0o600 });
    execFileSync('age', ['-d', '-i', bobAgeKey, '-o', path.join(x, 'share.tar'), share]);
    execFileSync('tar', ['-xf', 'share.tar'], { cwd: x });
    fs.writeFileSync(path.join(x, 'manifest.sig'), fs.readFileSync(path.join(x, 'manifest.sig')).toString().replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    execFileSync('tar', ['--format=ustar', '-cf', 'forged.tar', 'manifest.json', 'manifest.sig', 'case.dossier'], { cwd: x });
    const forged = path.join(dir, 'forged.dossier.age');
    execFileSync('age', ['-r', bob.publicIdentity.ageRecipient, '-o', forged, path.join(x, 'forged.tar')]);
    await refused(['receive', forged, '--identity', keyOf(bob), '--out', out, ...accept], 'SIGNATURE_INVALID', as(bob));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.dossier') || f.startsWith('.'))).toEqual(['c.dossier']);
  });
});

describe('interop with the age CLI, and passphrase shares', () => {
  it('a share re-packed with tar and encrypted by the age CLI is received by Dossier; a Dossier share opens with age -d', async () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'c.dossier');
    await ok(['new', caseFile, '--title', 'Interop']);
    const share = path.join(dir, 'c.dossier.age');
    await ok(['share', caseFile, '--to', bob.publicIdentity.ageRecipient, '--out', share, '--identity', keyOf(alice)], as(alice));
    const bobAgeKey = path.join(dir, 'bob.agekey');
    fs.writeFileSync(bobAgeKey, `${bob.ageIdentity}\n`, { mode: 0o600 });
    const x = path.join(dir, 'x');
    fs.mkdirSync(x);
    execFileSync('age', ['-d', '-i', bobAgeKey, '-o', path.join(x, 'share.tar'), share]);
    expect(execFileSync('tar', ['-tf', 'share.tar'], { cwd: x, encoding: 'utf8' }).trim().split('\n')).toEqual(['manifest.json', 'manifest.sig', 'case.dossier']);
    execFileSync('tar', ['-xf', 'share.tar'], { cwd: x });
    expect(integrity(path.join(x, 'case.dossier'))).toBe('ok');
    execFileSync('tar', ['--format=gnu', '-cf', 'repacked.tar', 'manifest.json', 'manifest.sig', 'case.dossier'], { cwd: x });
    const byAge = path.join(dir, 'by-age.dossier.age');
    execFileSync('age', ['-r', bob.publicIdentity.ageRecipient, '-o', byAge, path.join(x, 'repacked.tar')]);
    const received = await ok<{ caseTitle: string }>(
      ['receive', byAge, '--identity', keyOf(bob), '--out', path.join(dir, 'bob.dossier'), '--accept-sender', alice.publicIdentity.fingerprint],
      as(bob),
    );
    expect(received.caseTitle).toBe('Interop');
  });

  it('shares with a passphrase (environment or file) and receives and merges with it', async () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'c.dossier');
    await ok(['new', caseFile, '--title', 'Passphrase']);
    const share = path.join(dir, 'c.dossier.age');
    await ok(['share', caseFile, '--passphrase', '--out', share, '--identity', keyOf(alice)], { ...as(alice), DOSSIER_SHARE_PASSPHRASE: 'shared secret' });
    await refused(['share', caseFile, '--passphrase', '--out', path.join(dir, 'e.age'), '--identity', keyOf(alice)], 'PASSPHRASE_REQUIRED', { ...as(alice), DOSSIER_SHARE_PASSPHRASE: '' });
    const passFile = path.join(dir, 'share-pass.txt');
    fs.writeFileSync(passFile, 'shared secret\n');
    const out = path.join(dir, 'copy.dossier');
    await refused(['receive', share, '--out', out, '--accept-sender', alice.publicIdentity.fingerprint], 'WRONG_PASSPHRASE', { DOSSIER_SHARE_PASSPHRASE: 'guess' });
    await refused(['receive', share, '--out', out, '--accept-sender', alice.publicIdentity.fingerprint], 'PASSPHRASE_REQUIRED');
    await ok(['receive', share, '--out', out, '--accept-sender', alice.publicIdentity.fingerprint, '--share-passphrase-file', passFile]);
    await ok(['note', 'add', out, '--title', 'Offline', '--body', 'x']);
    await ok(['roster', 'add', caseFile, formatPublicIdentity(alice.publicIdentity)]);
    const back = path.join(dir, 'back.dossier.age');
    await ok(['share', out, '--passphrase', '--out', back, '--identity', keyOf(alice), '--share-passphrase-file', passFile], as(alice));
    const report = await ok<{ share: { sender: { known: boolean } } }>(['merge', caseFile, back, '--share-passphrase-file', passFile]);
    expect(report.share.sender.known).toBe(true);
    expect((await ok<{ items: { title: string }[] }>(['list', caseFile, 'notes'])).items.map((n) => n.title)).toEqual(['Offline']);
  });
});

/**
 * Runs `command` in a pseudo-terminal (util-linux `script`), answering each prompt when it
 * appears; returns everything the terminal showed.
 */
function inTerminal(command: string, answers: [prompt: string, reply: string][]): Promise<{ output: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DOSSIER_ACTOR: 'CLI Tester' } });
    let output = '';
    let next = 0;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`terminal session timed out; it showed:\n${output}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      while (next < answers.length && output.includes(answers[next]![0], 0)) {
        const [prompt, reply] = answers[next]!;
        output = output.replace(prompt, `${prompt}[answered]`);
        child.stdin.write(reply);
        next += 1;
      }
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      child.stdin.end();
      resolve({ output, status });
    });
  });
}
