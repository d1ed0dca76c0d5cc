import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { DossierError } from '../../../src-main/contract/errors';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { searchCase } from '../../../src-main/search/searchCase';
import { addWebsite, listWebsites } from '../../../src-main/websites/websiteService';
import { linkRecords } from '../../../src-main/links/linkService';
import { ALICE, BOB, newTestCase, track } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

const CAROL = { name: 'Carol Analyst', device: 'carol-tablet' };
const TABLES = ['case_info', 'evidence', 'website', 'court_order', 'stakeholder', 'note', 'link', 'custody_event', 'website_status_event'];

/** Every row of every record table, ordered: what "the same records" means. */
function records(caseFile: CaseFile): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, caseFile.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
}

function versionsOf(caseFile: CaseFile): Set<string> {
  const current = TABLES.slice(0, 7).flatMap((t) => caseFile.db.prepare(`SELECT id || '@' || hlc FROM ${t}`).pluck().all() as string[]);
  const history = caseFile.db.prepare("SELECT record_id || '@' || hlc FROM record_history").pluck().all() as string[];
  return new Set([...current, ...history]);
}

/** Alice's case, copied to Bob: two copies of one case that then diverge. */
function twoCopies(): { a: CaseFile; b: CaseFile; dir: string } {
  const a = newTestCase(ALICE);
  noteService.create(a, { title: 'Shared note', body: 'v1' });
  addWebsite(a, { input: 'hotmailbox.me' });
  closeCaseFile(a);
  const dir = tempDir();
  const bPath = path.join(dir, 'bob.dossier');
  fs.copyFileSync(a.path, bPath);
  return { a: track(openCaseFile(a.path, { actor: ALICE })), b: track(openCaseFile(bPath, { actor: BOB })), dir };
}

function copyOf(caseFile: CaseFile, dir: string, name: string, actor = CAROL): CaseFile {
  const target = path.join(dir, name);
  fs.copyFileSync(caseFile.path, target);
  return track(openCaseFile(target, { actor }));
}

describe('merging two copies of a case', () => {
  it('brings in both sides work, keeps the later edit and lists the concurrent one', () => {
    const { a, b } = twoCopies();
    const shared = noteService.list(a).items.find((n) => n.title === 'Shared note')!;
    noteService.update(a, shared.id, { body: 'Alice edit' });
    noteService.update(b, shared.id, { body: 'Bob edit (later)' });
    noteService.create(a, { title: 'Alice only', body: '' });
    addWebsite(b, { input: 'anycaptcha.com' });
    closeCaseFile(b);

    const report = mergeCaseFile(a, b.path);
    expect(report.unchanged).toBe(false);
    expect(noteService.get(a, shared.id).body).toBe('Bob edit (later)');
    expect(noteService.list(a).items.map((n) => n.title).sort()).toEqual(['Alice only', 'Shared note']);
    expect(listWebsites(a).items.map((w) => w.host_ascii)).toEqual(['anycaptcha.com', 'hotmailbox.me']);
    expect(report.conflicts).toEqual([expect.objectContaining({ kind: 'concurrent_edit', record_id: shared.id })]);
    const history = a.db.prepare("SELECT version_json FROM record_history WHERE record_id = ?").pluck().all(shared.id) as string[];
    expect(history.map((h) => JSON.parse(h).body)).toEqual(expect.arrayContaining(['v1', 'Alice edit']));
    expect(searchCase(a, 'anycaptcha')).toHaveLength(1);
    expect(verifyAudit(a.db).chains.map((c) => c.chain.split('-')[0]).sort()).toEqual([ALICE.device.split('-')[0], BOB.device.split('-')[0]].sort());
    expect(verifyAudit(a.db).ok).toBe(true);
    expect(a.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('changes nothing when merging the same copy twice', () => {
    const { a, b } = twoCopies();
    noteService.create(b, { title: 'From Bob', body: '' });
    closeCaseFile(b);
    mergeCaseFile(a, b.path);
    const before = records(a);
    const auditBefore = a.db.prepare('SELECT count(*) FROM audit_entry').pluck().get();
    const second = mergeCaseFile(a, b.path);
    expect(second.unchanged).toBe(true);
    expect(records(a)).toEqual(before);
    expect(a.db.prepare('SELECT count(*) FROM audit_entry').pluck().get()).toBe(auditBefore);
  });

  it('gives the same records whichever way round, and loses no version', () => {
    const { a, b, dir } = twoCopies();
    const shared = noteService.list(a).items[0]!;
    noteService.update(a, shared.id, { title: 'Alice title' });
    noteService.update(b, shared.id, { body: 'Bob body' });
    noteService.remove(a, noteService.create(a, { title: 'made and deleted by Alice', body: '' }).id);
    addWebsite(a, { input: 'nonecaptcha.com' });
    addWebsite(b, { input: 'nonecaptcha.com' });
    const site = listWebsites(b).items.find((w) => w.host_ascii === 'hotmailbox.me')!;
    linkRecords(b, { from_id: shared.id, to_id: site.id, relation: 'about' });
    linkRecords(a, { from_id: shared.id, to_id: site.id, relation: 'about' });
    const everyVersion = new Set([...versionsOf(a), ...versionsOf(b)]);
    closeCaseFile(a);
    closeCaseFile(b);

    const aThenB = copyOf(a, dir, 'ab.dossier');
    const bThenA = copyOf(b, dir, 'ba.dossier');
    const ab = mergeCaseFile(aThenB, b.path);
    mergeCaseFile(bThenA, a.path);
    expect(records(aThenB)).toEqual(records(bThenA));
    for (const version of everyVersion) expect(versionsOf(aThenB).has(version), version).toBe(true);
    expect(listWebsites(aThenB).items.filter((w) => w.host_ascii === 'nonecaptcha.com')).toHaveLength(1);
    // Alice changed the title, Bob the body: both edits survive (per-field merge), no conflict.
    expect(ab.conflicts.map((c) => c.kind).sort()).toEqual(['duplicate_domain', 'duplicate_link']);
    expect(noteService.list(aThenB).items.map((n) => [n.title, n.body])).toEqual([['Alice title', 'Bob body']]);
  });

  it('merges two copies edited by the same person on the same machine', () => {
    const a = newTestCase(ALICE);
    closeCaseFile(a);
    const dir = tempDir();
    const second = copyOf(a, dir, 'second.dossier', ALICE);
    const first = track(openCaseFile(a.path, { actor: ALICE }));
    noteService.create(first, { title: 'on copy one', body: '' });
    noteService.create(second, { title: 'on copy two', body: '' });
    closeCaseFile(second);
    expect(mergeCaseFile(first, second.path).conflicts).toEqual([]);
    expect(noteService.list(first).items.map((n) => n.title).sort()).toEqual(['on copy one', 'on copy two']);
    expect(verifyAudit(first.db).ok).toBe(true);
  });

  it('respects tombstones from either side', () => {
    const { a, b } = twoCopies();
    const shared = noteService.list(b).items[0]!;
    noteService.remove(b, shared.id);
    closeCaseFile(b);
    mergeCaseFile(a, b.path);
    expect(noteService.list(a).items).toEqual([]);
    expect(searchCase(a, 'shared')).toEqual([]);
  });

  it('refuses another case, itself, and a copy whose audit log was altered, changing nothing', () => {
    const { a, b } = twoCopies();
    const stranger = newTestCase(CAROL, 'A different case');
    closeCaseFile(stranger);
    closeCaseFile(b);
    const codeOf = (work: () => unknown) => {
      try {
        work();
        return 'merged';
      } catch (error) {
        return (error as DossierError).code;
      }
    };
    const before = records(a);
    expect(codeOf(() => mergeCaseFile(a, stranger.path))).toBe('INVALID_REQUEST');
    expect(codeOf(() => mergeCaseFile(a, a.path))).toBe('INVALID_REQUEST');
    execFileSync('sqlite3', [b.path, "DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1;"]);
    expect(codeOf(() => mergeCaseFile(a, b.path))).toBe('AUDIT_CHAIN_BROKEN');
    expect(records(a)).toEqual(before);
    expect(codeOf(() => mergeCaseFile(a, path.join(tempDir(), 'missing.dossier')))).toBe('FILE_NOT_FOUND');
  });
});
