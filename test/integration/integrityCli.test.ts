import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hashAuditEntry } from '../../src-main/audit/appendAudit';
import type { CheckpointVerification } from '../../src-main/contract/integrity';
import { createKeyFile } from '../../src-main/share/keyFile';
import { generateUserIdentity } from '../../src-main/share/userIdentity';
import { checkCaseInProcess, demoCaseInProcess } from '../helpers/demoCheck';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { runCli } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();


async function keyFile(): Promise<{ key: string; env: Record<string, string>; fingerprint: string; recipient: string }> {
  const me = await generateUserIdentity('Counsel Example');
  const key = path.join(tempDir(), 'me.dossier-key');
  await createKeyFile(key, me, 'pass', { scryptWorkFactor: 10 });
  return { key, env: { DOSSIER_PASSPHRASE: 'pass' }, fingerprint: me.publicIdentity.fingerprint, recipient: me.publicIdentity.ageRecipient };
}

/** Rewrites one chain from `fromSeq` on with recomputed hashes: what an attacker with sqlite3 can do to an unkeyed chain. */
function rewriteChain(file: string, chain: string, fromSeq: number, edit: (detail: string) => string): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;');
  const rows = db.prepare('SELECT * FROM audit_entry WHERE chain = ? ORDER BY seq').all(chain) as (Parameters<typeof hashAuditEntry>[0] & { hash: string })[];
  let prev = fromSeq > 1 ? rows[fromSeq - 2]!.hash : '0'.repeat(64);
  const update = db.prepare('UPDATE audit_entry SET detail = ?, prev_hash = ?, hash = ? WHERE chain = ? AND seq = ?');
  for (const row of rows.slice(fromSeq - 1)) {
    const detail = row.seq === fromSeq ? edit(row.detail) : row.detail;
    const hash = hashAuditEntry({ ...row, detail, prev_hash: prev });
    update.run(detail, prev, hash, chain, row.seq);
    prev = hash;
  }
  db.close();
}

describe('dossier check', () => {
  it('passes an untouched case (exit 0) and names each sqlite3 edit: website status, note body, order dates, exhibit re-pointed', async () => {
    const file = await demoCaseInProcess();
    expect((await checkCaseInProcess(file)).status).toBe(0);
    const site = sqlite(file, "SELECT id FROM website WHERE host_ascii = 'hotmailbox.me';");
    const note = sqlite(file, 'SELECT id FROM note LIMIT 1;');
    const order = sqlite(file, 'SELECT id FROM court_order LIMIT 1;');
    const [a, b] = sqlite(file, 'SELECT id FROM evidence ORDER BY exhibit_number LIMIT 2;').split('\n');
    sqlite(file, `UPDATE website SET status = 'released' WHERE id = '${site}';`);
    sqlite(file, `UPDATE note SET body = 'rewritten' WHERE id = '${note}';`);
    sqlite(file, `UPDATE court_order SET granted_at = '2020-01-01' WHERE id = '${order}';`);
    sqlite(file, `UPDATE evidence SET (content_sha256, sha256, sha1, md5, size_bytes) = (SELECT content_sha256, sha256, sha1, md5, size_bytes FROM evidence WHERE id = '${b}') WHERE id = '${a}';`);
    const { status, report } = await checkCaseInProcess(file);
    expect(status).toBe(4);
    expect(report.ok).toBe(false);
    expect(report.sections.find((s) => s.name === 'content')!.ok).toBe(false);
    const named = report.findings.filter((f) => f.check === 'content').map((f) => [f.table, f.id, [...(f.fields ?? [])].sort()]);
    expect(named).toEqual(
      expect.arrayContaining([
        ['website', site, ['status']],
        ['note', note, ['body']],
        ['court_order', order, ['granted_at']],
        ['evidence', a, ['content_sha256', 'md5', 'sha1', 'sha256', 'size_bytes']],
      ]),
    );
    // Through the real process: its exit status and human report.
    const human = runCli(['check', file]);
    expect(human.status).toBe(4);
    expect(human.stdout).toContain('CHECK FAILED');
    expect(human.stdout).toContain(`note · ${note} · fields body`);
  }, 300_000);

  it('finds a dropped trigger in the schema, and packet export refuses the case unless --force, which the packet prints', async () => {
    const file = await demoCaseInProcess();
    sqlite(file, 'DROP TRIGGER custody_event_no_update;');
    const { status, report } = await checkCaseInProcess(file);
    expect(status).toBe(4);
    expect(report.findings.filter((f) => f.check === 'schema').map((f) => f.message)).toEqual(['trigger custody_event_no_update is missing']);
    const out = path.join(path.dirname(file), 'p.pdf');
    // packet --check applies the rules export refuses on: it must not say "No problems found" here.
    const checked = await dossier(['packet', file, '--check', '--json', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    expect(checked.status).toBe(2);
    const caseProblems = (JSON.parse(checked.stdout) as { severity: string; code: string; message: string }[]).filter((p) => p.code === 'CASE_CHECK_FAILED');
    expect(caseProblems.map((p) => p.severity)).toEqual(['error']);
    expect(caseProblems[0]!.message).toContain('custody_event_no_update');
    const refused = await dossier(['packet', file, '--out', out, '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain('[CASE_CHECK_FAILED]');
    expect(refused.stderr).toContain('custody_event_no_update');
    expect(fs.existsSync(out)).toBe(false);
    await dossierJson(['packet', file, '--out', out, '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington', '--force']);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('EXPORTED WITH --force over failed checks: schema:');
    // The sworn declaration says it too, not only the audit page.
    expect(text).toMatch(/The Packet was exported with the override “--force” although checks that Dossier makes before an export failed \(schema:.*custody_event_no_update/);
  }, 300_000);

  it('refuses a packet of a case whose audit chain is broken', async () => {
    const file = await demoCaseInProcess();
    rewriteChain(file, sqlite(file, 'SELECT chain FROM audit_entry LIMIT 1;'), 3, () => '{"forged":true}');
    sqlite(file, "UPDATE audit_entry SET hash = 'x' || substr(hash, 2) WHERE seq = 5;");
    const refused = await dossier(['packet', file, '--out', path.join(path.dirname(file), 'p.pdf')]);
    expect(refused.stderr).toContain('[CASE_CHECK_FAILED]');
    expect(refused.stderr).toMatch(/audit: The audit log is broken/);
  }, 300_000);
});

describe('audit checkpoints: dossier audit verify --against', () => {
  it('a signed packet catches truncation after dropping the triggers, and a full rewrite of the chain', async () => {
    const { key, env, fingerprint } = await keyFile();
    const file = await demoCaseInProcess();
    const pdf = path.join(path.dirname(file), 'filed.pdf');
    const exported = await dossier(['packet', file, '--out', pdf, '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington', '--identity', key], { env });
    expect(exported.status, exported.stderr).toBe(0);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(fingerprint);
    const ok = await dossierJson<CheckpointVerification>(['audit', 'verify', file, '--against', pdf]);
    expect(ok).toMatchObject({ ok: true, signatureValid: true });
    expect(ok.checkpoint.signer!.fingerprint).toBe(fingerprint);

    const truncated = path.join(path.dirname(file), 'truncated.dossier');
    fs.copyFileSync(file, truncated);
    sqlite(truncated, 'DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq > 60;');
    expect((await dossierJson<{ ok: boolean }>(['audit', 'verify', truncated])).ok).toBe(true); // the chain alone looks fine
    // Through the real process: the exit status a script sees.
    const caught = runCli(['audit', 'verify', truncated, '--against', pdf, '--json']);
    expect(caught.status).toBe(3);
    const report = JSON.parse(caught.stdout) as CheckpointVerification;
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toMatch(/were removed/);

    const rewritten = path.join(path.dirname(file), 'rewritten.dossier');
    fs.copyFileSync(file, rewritten);
    rewriteChain(rewritten, ok.checkpoint.heads[0]!.chain, 1, (d) => d.replace('}', ',"x":1}'));
    expect((await dossierJson<{ ok: boolean }>(['audit', 'verify', rewritten])).ok).toBe(true);
    const rewrite = await dossier(['audit', 'verify', rewritten, '--against', pdf]);
    expect(rewrite.status).toBe(3);
    expect(rewrite.stdout).toMatch(/history was rewritten/);
  }, 300_000);

  it('a checkpoint file on request verifies, and a forged one is refused', async () => {
    const { key, env } = await keyFile();
    const file = await demoCaseInProcess();
    const cp = path.join(path.dirname(file), 'today.checkpoint.json');
    expect((await dossier(['audit', 'checkpoint', file, '--identity', key, '--out', cp], { env })).status).toBe(0);
    expect((await dossier(['audit', 'checkpoint', file, '--identity', key, '--out', cp], { env })).stderr).toContain('[FILE_EXISTS]');
    expect((await dossierJson<CheckpointVerification>(['audit', 'verify', file, '--against', cp])).ok).toBe(true);
    const forged = path.join(path.dirname(file), 'forged.json');
    const signed = JSON.parse(fs.readFileSync(cp, 'utf8')) as { checkpoint: { entries: number } };
    signed.checkpoint.entries += 1;
    fs.writeFileSync(forged, JSON.stringify(signed));
    const result = await dossier(['audit', 'verify', file, '--against', forged, '--json']);
    expect(result.status).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, signatureValid: false });
  }, 300_000);
});

describe('audit verify --against a share', () => {
  it('catches truncation and a full rewrite; a failing case is not shared without --force', async () => {
    const { key, env, recipient: to } = await keyFile();
    const file = await demoCaseInProcess();
    const share = path.join(tempDir(), 'storm.dossier.age');
    const made = await dossier(['share', file, '--to', to, '--out', share, '--identity', key], { env });
    expect(made.status, made.stderr).toBe(0);
    const against = async (caseFile: string) => dossier(['audit', 'verify', caseFile, '--against', share, '--identity', key, '--json'], { env });
    const fine = await against(file);
    expect(fine.status, fine.stderr).toBe(0);
    const heads = (JSON.parse(fine.stdout) as CheckpointVerification).checkpoint.heads;

    const truncated = path.join(path.dirname(file), 'truncated.dossier');
    fs.copyFileSync(file, truncated);
    sqlite(truncated, 'DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq > 40;');
    const cut = await against(truncated);
    expect(cut.status).toBe(3);
    expect((JSON.parse(cut.stdout) as CheckpointVerification).problems.join(' ')).toMatch(/were removed/);

    const rewritten = path.join(path.dirname(file), 'rewritten.dossier');
    fs.copyFileSync(file, rewritten);
    rewriteChain(rewritten, heads[0]!.chain, 2, (d) => d.replace('}', ',"y":2}'));
    const rewrite = await against(rewritten);
    expect(rewrite.status).toBe(3);
    expect((JSON.parse(rewrite.stdout) as CheckpointVerification).problems.join(' ')).toMatch(/rewritten/);
    // No decrypted snapshot is left beside the case after the check.
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith('.dossier-share-'))).toEqual([]);

    sqlite(rewritten, "UPDATE note SET body = 'edited' WHERE rowid = 1;");
    const refused = await dossier(['share', rewritten, '--to', to, '--out', path.join(tempDir(), 'no.age'), '--identity', key], { env });
    expect(refused.stderr).toContain('[CASE_CHECK_FAILED]');
  }, 400_000);
});
