import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../src-main/contract/records';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

interface Problem { severity: string; code: string; message: string }

/** The PDF's text, lines joined (a sentence may wrap). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const ZEROS = '0'.repeat(64);

async function custodyOf(file: string, id: string): Promise<CustodyEvent[]> {
  return (await dossierJson<{ events: CustodyEvent[] }>(['custody', file, id])).events;
}

/** `packet --check --json`: its problems, whatever its exit status. */
export async function checkProblems(file: string, flags: string[] = []): Promise<Problem[]> {
  return JSON.parse((await dossier(['packet', file, '--check', ...flags, '--json'])).stdout) as Problem[];
}

describe('a custody transfer records only what was checked', () => {
  it('a hash seen that is not the exhibit’s is recorded as a mismatch, said loudly, exits 4 and is named by packet --check', async () => {
    const { file, ids } = await filingCase(tempDir());
    const run = await dossier(['custody', 'transfer', file, ids[0]!, '--to', 'Lab2', '--hash-seen', ZEROS]);
    expect(run.status).toBe(4);
    expect(run.stdout).toMatch(/MISMATCH/);
    expect(run.stdout).toContain(ZEROS);
    const transfer = (await custodyOf(file, ids[0]!)).find((e) => e.action === 'transferred')!;
    expect(transfer.result).toBe('mismatch');
    expect(transfer.hash_seen).toBe(ZEROS);
    const problems = await checkProblems(file);
    const named = problems.find((p) => p.code === 'CUSTODY_HASH_MISMATCH');
    expect(named?.message).toContain('Exhibit 1');
    expect(named?.message).toContain(ZEROS);
    // The packet states it: the custody report marks the hash seen, the declaration names the event.
    const out = `${file}.pdf`;
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdfText(out);
    expect(text).toMatch(/transferred · by CLI Tester — result: mismatch/);
    expect(text).toContain('(NOT the exhibit’s)');
    expect(text).toMatch(/For Exhibit 1, a transferred event on [A-Z][a-z]+ \d+, \d{4} \(UTC\) recorded the result “mismatch”: the hash seen then, 0{64}, is not the exhibit’s\./);
    expect(text).not.toMatch(/result: ok\s+SHA-256 seen: 0{64}/);
  });

  it('a hash seen that matches is ok; no hash seen claims no check (n/a); a hash of no known length is refused', async () => {
    const { file, ids } = await filingCase(tempDir());
    const shown = await dossierJson<{ evidence: { sha256: string; sha1: string; md5: string } }>(['custody', file, ids[0]!]);
    const ok = await dossier(['custody', 'transfer', file, ids[0]!, '--to', 'Lab2', '--hash-seen', shown.evidence.sha256.toUpperCase()]);
    expect(ok.status).toBe(0);
    const md5 = await dossier(['custody', 'transfer', file, ids[0]!, '--to', 'Lab3', '--hash-seen', shown.evidence.md5]);
    expect(md5.status).toBe(0);
    const none = await dossier(['custody', 'transfer', file, ids[0]!, '--to', 'Lab4']);
    expect(none.status).toBe(0);
    const odd = await dossier(['custody', 'transfer', file, ids[0]!, '--to', 'Lab5', '--hash-seen', 'ab'.repeat(25)]);
    expect(odd.status).toBe(2);
    expect(odd.stderr).toMatch(/SHA-256 \(64\), SHA-1 \(40\) or MD5 \(32\)/);
    // A SHA-512 is a hex hash too: the refusal says which kinds are compared (it said "must be a hex hash").
    const sha512 = await dossier(['custody', 'transfer', file, ids[0]!, '--to', 'Lab6', '--hash-seen', 'ab'.repeat(64)]);
    expect(sha512.status).toBe(2);
    expect(sha512.stderr).toMatch(/SHA-256 \(64\), SHA-1 \(40\) or MD5 \(32\)/);
    const transfers = (await custodyOf(file, ids[0]!)).filter((e) => e.action === 'transferred');
    expect(transfers.map((e) => [e.to_party, e.result])).toEqual([['Lab2', 'ok'], ['Lab3', 'ok'], ['Lab4', 'n/a']]);
    // --from defaults to the one recording it, as its help says.
    expect(transfers.map((e) => e.from_party)).toEqual(['CLI Tester', 'CLI Tester', 'CLI Tester']);
  });

  it('a custody date before the acquisition is refused, naming both dates; the acquisition day itself is accepted', async () => {
    const { file, ids } = await filingCase(tempDir());
    const early = await dossier(['custody', 'transfer', file, ids[0]!, '--to', 'Lab2', '--date', '2001-01-01']);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('2001-01-01');
    expect(early.stderr).toContain('2024-03-01');
    expect(early.stderr).toContain('[INVALID_REQUEST]');
    const future = await dossier(['custody', 'transfer', file, ids[0]!, '--to', 'Lab2', '--date', '2999-01-01']);
    expect(future.status).toBe(2);
    expect((await custodyOf(file, ids[0]!)).filter((e) => e.action === 'transferred')).toEqual([]);
    const sameDay = await dossier(['custody', 'transfer', file, ids[0]!, '--to', 'Lab2', '--date', '2024-03-01']);
    expect(sameDay.status).toBe(0);
  });
});

describe('the declaration’s acquisition facts', () => {
  it('come from the acquisition custody event alone; fields edited since are named as a contradiction by --check and export', async () => {
    const dir = tempDir();
    const { file, ids } = await filingCase(dir);
    await dossierJson(['edit', file, ids[0]!, '--acquired-at', '2023-11-01T09:00:00Z', '--acquired-by', 'Mallory Other']);
    const problems = await checkProblems(file, ['--layout', 'combined', ...SIGNED]);
    const named = problems.find((p) => p.code === 'ACQUISITION_CONTRADICTS_CUSTODY');
    expect(named?.severity).toBe('error');
    expect(named?.message).toContain('Mallory Other');
    expect(named?.message).toContain('A. Investigator');
    expect(named?.message).toContain('2023-11-01');
    expect(named?.message).toContain('2024-03-01');
    const out = path.join(dir, 'p.pdf');
    const refused = await dossier(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('ACQUISITION_CONTRADICTS_CUSTODY');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', '--force', ...SIGNED]);
    const text = pdfText(out);
    const declaration = text.slice(text.indexOf('DECLARATION OF'), text.indexOf('I declare under penalty of perjury'));
    expect(declaration).toContain('obtained on March 1, 2024 by A. Investigator');
    expect(declaration).not.toContain('Mallory Other');
    // The override is sworn to, not only on the audit page.
    expect(text).toContain('The Packet was exported with the override “--force” although checks that Dossier makes before an export failed (1 packet check error(s): ACQUISITION_CONTRADICTS_CUSTODY).');
  });
});

describe('the declaration’s execution, caption and override', () => {
  it('refuses a future execution date; a time before the newest fact is told the time to use, not a day it already is', async () => {
    const { file } = await filingCase(tempDir());
    const future = await dossier(['packet', file, '--check', '--date', '2999-01-01', ...SIGNED]);
    expect(future.status).toBe(2);
    expect(future.stderr).toMatch(/--date is in the future/);
    const custody = await dossierJson<{ events: CustodyEvent[] }>(['custody', file, (await dossierJson<{ items: { id: string }[] }>(['list', file, 'evidence'])).items[1]!.id]);
    const imported = custody.events.find((e) => e.action === 'imported')!.at;
    const early = new Date(Date.parse(imported) - 3600_000).toISOString();
    const problem = (await checkProblems(file, ['--date', early, ...SIGNED])).find((p) => p.code === 'DATE_BEFORE_FACTS')!;
    expect(problem.message).not.toContain(`on or after ${imported.slice(0, 10)}.`);
    expect(problem.message).toContain(`on or after ${imported}`);
  });

  it('names a caption with no court and no docket number (a warning: drafts of cases not yet filed still export)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'Bare case']);
    const problem = (await checkProblems(file, ['--profile', 'sdny-ecf', ...SIGNED])).find((p) => p.code === 'CAPTION_INCOMPLETE');
    expect(problem?.severity).toBe('warning');
    expect(problem?.message).toContain('no court');
    expect(problem?.message).toContain('a filing under sdny-ecf needs them');
    expect(problem?.message).toContain('no docket number');
  });

  it('states a bare title as a title, and when the hash was first computed', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', '--declarant', 'J. Roe', '--declarant-role', 'Investigator', '--place', 'Redmond']);
    const text = pdfText(out);
    expect(text).not.toContain('I am Investigator.');
    expect(text).toContain('My title is Investigator.');
    const withFirm = path.join(dir, 'q.pdf');
    await dossierJson(['packet', file, '--out', withFirm, '--layout', 'combined', '--bates-start', '500', ...SIGNED]);
    expect(pdfText(withFirm)).toContain('My title is Senior Investigator, Example Corp. I make');
    expect(text).toContain('When and where that value was first computed');
  });
});

describe('an exhibit shown only in part', () => {
  it('is named by the declaration with what is done with the rest; no page claims a native file the packet does not hold', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir, { bigLog: true });
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdfText(out);
    const declaration = text.slice(text.indexOf('DECLARATION OF'), text.indexOf('I declare under penalty of perjury'));
    expect(declaration).toMatch(/as stored \(Exhibit 2 only in part, as stated next\)/);
    expect(declaration).toMatch(/Exhibit 2 is shown only in part: only the first \d+ pages are shown \(lines 1–[\d,]+ of 1,000\)/);
    expect(declaration).toContain('kept unaltered in the case file');
    expect(declaration).not.toMatch(/Each exhibit that can be reproduced as pages appears in the Packet as stored,/);
    expect(text).toContain('SHOWN IN PART');
    expect(text).not.toMatch(/produced natively|produced separately/);
  });
});

describe('a custody date on the day of a timed acquisition', () => {
  it('a day alone on that day is accepted, listed after the acquisition and shown as a day everywhere; a day before it is refused', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'Timed']);
    const log = path.join(dir, 'a.log');
    fs.writeFileSync(log, 'GET /\n');
    const added = await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, log, '--acquired-at', '2024-03-01T15:00:00Z', '--acquired-by', 'A. B']);
    const id = added.items[0]!.evidence.id;
    // The day before the acquisition: nobody could hold it then, whatever the time.
    const dayBefore = await dossier(['custody', 'transfer', file, id, '--to', 'Lab2', '--date', '2024-02-29']);
    expect(dayBefore.status).toBe(2);
    expect(dayBefore.stderr).toContain('before Exhibit 1 was acquired (2024-03-01T15:00:00.000Z, 2024-03-01 in UTC; a day alone is compared in UTC)');
    expect(dayBefore.stderr).toContain('on or after 2024-03-01');
    // "Some time that day": the acquisition day itself is accepted (it was asked for a time), and
    // what is recorded and printed is the day, never a midnight nobody gave.
    const day = await dossier(['custody', 'transfer', file, id, '--to', 'Lab2', '--date', '2024-03-01']);
    expect(day.stderr).toBe('');
    expect(day.status).toBe(0);
    expect(day.stdout.trim()).toBe('Recorded: exhibit transferred to Lab2 on 2024-03-01.');
    const mismatch = await dossier(['custody', 'transfer', file, id, '--to', 'Lab3', '--date', '2024-03-01', '--hash-seen', ZEROS]);
    expect(mismatch.status).toBe(4);
    expect(mismatch.stdout).toContain('Recorded in its chain of custody as a mismatch on 2024-03-01;');
    const before = await dossier(['custody', 'transfer', file, id, '--to', 'Lab2', '--date', '2024-03-01T14:59:00Z']);
    expect(before.status).toBe(2);
    // The time to use, not a day the date already is.
    expect(before.stderr).toContain('on or after 2024-03-01T15:00:00.000Z');
    expect((await dossier(['custody', 'transfer', file, id, '--to', 'Lab4', '--date', '2024-03-01T16:00:00Z'])).status).toBe(0);
    const events = await custodyOf(file, id);
    expect(events.map((e) => [e.action, e.to_party ?? '', e.at])).toEqual([
      ['acquired', 'A. B', '2024-03-01T15:00:00.000Z'],
      ['transferred', 'Lab2', '2024-03-01'],
      ['transferred', 'Lab3', '2024-03-01'],
      ['transferred', 'Lab4', '2024-03-01T16:00:00.000Z'],
      ['imported', expect.any(String), expect.any(String)],
    ]);
    const listed = (await dossier(['custody', file, id])).stdout.split('\n');
    expect(listed.filter((l) => / transferred /.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(['2024-03-01', '2024-03-01', '2024-03-01T16:00:00.000Z']);
    // The packet: the custody report lists the day after the acquisition, as a day; the
    // declaration names the mismatch by its day.
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', ...SIGNED]);
    const text = pdfText(out);
    const report = text.slice(text.lastIndexOf('CHAIN OF CUSTODY'));
    expect(report).toMatch(
      /2024-03-01 15:00:00 UTC · acquired · .* 2024-03-01 · transferred · by CLI Tester CLI Tester → Lab2 2024-03-01 · transferred · by CLI Tester — result: mismatch CLI Tester → Lab3 .* 2024-03-01 16:00:00 UTC · transferred · by CLI Tester CLI Tester → Lab4 /,
    );
    expect(text).not.toContain('2024-03-01 00:00');
    expect(text).toMatch(/For Exhibit 1, a transferred event on March 1, 2024 recorded the result “mismatch”/);
    expect((await dossier(['check', file])).status).toBe(0);
  });
});
