import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShareCreated } from '../../src-main/contract/sharing';
import { createKeyFile } from '../../src-main/share/keyFile';
import { generateUserIdentity } from '../../src-main/share/userIdentity';
import { forgeNote, withoutTriggersOf } from '../helpers/forgeCaseFile';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

/*
 * The adversarial testers' runs, through the real CLI: Bob's copy edited with sqlite3, then
 * `merge`, `share --force` and `receive`. Nothing altered is taken in, and a forced share says so.
 */

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

async function keyFile(dir: string): Promise<{ key: string; env: Record<string, string>; fingerprint: string; recipient: string }> {
  const me = await generateUserIdentity('Counsel Example');
  const key = path.join(dir, 'me.dossier-key');
  await createKeyFile(key, me, 'pass', { scryptWorkFactor: 10 });
  return { key, env: { DOSSIER_PASSPHRASE: 'pass' }, fingerprint: me.publicIdentity.fingerprint, recipient: me.publicIdentity.ageRecipient };
}

describe('a copy edited behind the app, through the CLI', () => {
  it('merge refuses it; share --force says it was forced; receive refuses it; the original stays clean', async () => {
    const dir = tempDir();
    const alice = path.join(dir, 'alice.dossier');
    runCliJson(['demo', alice]);
    const bob = path.join(dir, 'bob.dossier');
    fs.copyFileSync(alice, bob);
    const noteId = sqlite(bob, 'SELECT id FROM note ORDER BY id LIMIT 1');
    const body = sqlite(alice, `SELECT body FROM note WHERE id = '${noteId}'`);
    forgeNote(bob, noteId);
    expect(runCli(['check', bob]).status).not.toBe(0);

    const merged = runCli(['merge', alice, bob]);
    expect(merged.status).toBe(4);
    expect(merged.stderr).toContain('[RECORDS_ALTERED]');
    expect(merged.stderr).toContain(`note ${noteId}`);
    expect(merged.stderr.trim().split('\n')).toHaveLength(1);
    expect(sqlite(alice, `SELECT body FROM note WHERE id = '${noteId}'`)).toBe(body);
    expect(runCli(['check', alice]).status).toBe(0);

    const { key, env, fingerprint, recipient } = await keyFile(dir);
    const share = (out: string, json: boolean) => runCli(['share', bob, '--to', recipient, '--out', path.join(dir, out), '--identity', key, '--force', ...(json ? ['--json'] : [])], { env });
    const human = share('human.dossier.age', false);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^SHARED WITH --force although "dossier check" failed \(recorded in the audit log\): content: 1 record\(s\) differ/);
    const json = share('json.dossier.age', true);
    expect(json.status, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as ShareCreated).forced).toContain('content: 1 record(s) differ from their audited state.');

    const out = path.join(dir, 'received.dossier');
    const received = runCli(['receive', path.join(dir, 'human.dossier.age'), '--identity', key, '--accept-sender', fingerprint, '--out', out], { env });
    expect(received.status).toBe(4);
    expect(received.stderr).toContain('[RECORDS_ALTERED]');
    expect(fs.existsSync(out)).toBe(false);
  }, 300_000);

  it('exhibit bytes changed with sqlite3: share --force records the mismatch in custody, receive refuses', async () => {
    const dir = tempDir();
    const bob = path.join(dir, 'bob.dossier');
    runCliJson(['demo', bob]);
    const content = sqlite(bob, 'SELECT content_sha256 FROM evidence WHERE content_sha256 IS NOT NULL ORDER BY exhibit_number LIMIT 1');
    withoutTriggersOf(bob, 'evidence_chunk', `UPDATE evidence_chunk SET data = CAST('other bytes' AS BLOB) WHERE content_sha256 = '${content}' AND seq = 0`);
    const { key, env, fingerprint, recipient } = await keyFile(dir);
    const sharePath = path.join(dir, 'bob.dossier.age');
    const made = runCli(['share', bob, '--to', recipient, '--out', sharePath, '--identity', key, '--force', '--json'], { env });
    expect(made.status, made.stderr).toBe(0);
    expect((JSON.parse(made.stdout) as ShareCreated).forced).toMatch(/^evidence: /);
    const events = sqlite(bob, `SELECT c.result || ' ' || (c.hash_seen = e.sha256) FROM custody_event c JOIN evidence e ON e.id = c.evidence_id WHERE c.action = 'transferred' AND e.content_sha256 = '${content}'`);
    expect(events.split('\n')).toEqual(expect.arrayContaining(['mismatch 0']));
    expect(events).not.toContain('ok');

    const out = path.join(dir, 'received.dossier');
    const received = runCli(['receive', sharePath, '--identity', key, '--accept-sender', fingerprint, '--out', out], { env });
    expect(received.status).toBe(4);
    expect(received.stderr).toContain('[EVIDENCE_HASH_MISMATCH]');
    expect(fs.existsSync(out)).toBe(false);
  }, 300_000);
});
