import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { compiledScript } from '../../helpers/compiledScript';
import { fileSha256 } from '../../helpers/fileHash';
import { ALICE, newTestCase } from '../../helpers/testCase';

const CHILD = path.join(import.meta.dirname, 'hotJournalChild.ts');

/** Runs the child until it is inside its write, then kills it with SIGKILL: a hot journal is left beside the case. */
function killMidWrite(casePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [compiledScript(CHILD), casePath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited with ${code}: ${stderr}`))));
  });
}

/** A closed case file with one note, and a hot journal left by a writer killed mid-transaction. */
async function caseWithHotJournal(): Promise<{ casePath: string; exhibit: string }> {
  const cf = newTestCase();
  const casePath = cf.path;
  closeCaseFile(cf);
  await dossier(['note', 'add', casePath, '--title', 'Kept note', '--body', 'written before the crash']);
  const source = path.join(path.dirname(casePath), 'kept.txt');
  fs.writeFileSync(source, 'kept exhibit');
  const { items } = await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', casePath, source]);
  await killMidWrite(casePath);
  expect(fs.statSync(`${casePath}-journal`).size).toBeGreaterThan(0);
  return { casePath, exhibit: items[0]!.evidence.id };
}

describe('a case file left with a hot journal by a killed writer', () => {
  it('read commands roll the unfinished write back first and then read the case as last saved', async () => {
    const { casePath, exhibit } = await caseWithHotJournal();
    for (const args of [['check', casePath], ['info', casePath], ['list', casePath, 'notes'], ['custody', casePath, exhibit]]) {
      if (!fs.existsSync(`${casePath}-journal`)) await killMidWrite(casePath); // each command meets a hot journal
      const run = await dossier(args);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.status, args.join(' ')).toBe(0);
      if (args[0] === 'list') expect(run.stdout).toContain('Kept note');
      if (args[0] === 'custody') expect(run.stdout).toContain('imported');
    }
    expect(fs.existsSync(`${casePath}-journal`)).toBe(false);
    const cf = openCaseFile(casePath, { actor: ALICE, readonly: true });
    try {
      expect(cf.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(cf.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_written'").pluck().get()).toBe(0);
    } finally {
      closeCaseFile(cf);
    }
  });

  it('when the case file may not be written, says plainly that an interrupted write must be rolled back first, and changes nothing', async () => {
    const { casePath } = await caseWithHotJournal();
    const before = fileSha256(casePath);
    const journalBefore = fileSha256(`${casePath}-journal`);
    fs.chmodSync(casePath, 0o444);
    // Root ignores file modes; an immutable file refuses even root, as a locked share would.
    const { execFileSync } = await import('node:child_process');
    execFileSync('chattr', ['+i', casePath]);
    try {
      const run = await dossier(['info', casePath]);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/interrupted/);
      expect(run.stderr).toMatch(/-journal/);
      expect(run.stderr).not.toMatch(/is read-only \(file permissions or a read-only disk\)/);
    } finally {
      execFileSync('chattr', ['-i', casePath]);
      fs.chmodSync(casePath, 0o644);
    }
    expect(fileSha256(casePath)).toBe(before);
    expect(fileSha256(`${casePath}-journal`)).toBe(journalBefore);
  });

  it("merge reads the other copy after rolling back the write its killed writer left unfinished", async () => {
    const { casePath: theirs } = await caseWithHotJournal();
    expect((await dossier(['info', theirs])).status).toBe(0); // rolled back: their saved state, of which mine is a copy
    const mine = path.join(path.dirname(theirs), 'mine.dossier');
    fs.copyFileSync(theirs, mine);
    await dossier(['note', 'add', theirs, '--title', 'Their later note', '--body', 'written on their copy']);
    await killMidWrite(theirs);
    expect(fs.statSync(`${theirs}-journal`).size).toBeGreaterThan(0);
    const merged = await dossier(['merge', mine, theirs]);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
    expect((await dossier(['list', mine, 'notes'])).stdout).toContain('Their later note');
    expect((await dossier(['check', mine])).status).toBe(0);
  });
});
