import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import type { Actor } from '../../../src-main/casefile/Actor';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { MAX_CLOCK_DRIFT_MS } from '../../../src-main/casefile/HybridLogicalClock';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { DossierError } from '../../../src-main/contract/errors';
import { linkRecords, unlinkRecords } from '../../../src-main/links/linkService';
import { listConflicts } from '../../../src-main/merge/listConflicts';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { resolveConflict } from '../../../src-main/merge/resolveConflict';
import { noteService } from '../../../src-main/notes/noteService';
import { addWebsite, deleteWebsite, setWebsiteStatus } from '../../../src-main/websites/websiteService';
import { SITE_STATUSES } from '../../../src-main/contract/enums';
import { duplicateSurvivors } from '../../../src-main/merge/duplicateSurvivors';
import { statusIsUndatedCreation } from '../../../src-main/websites/undatedCreation';
import { ALICE, BOB, newTestCase } from '../../helpers/testCase';

/*
 * Merge properties on three copies of one case (issue 17, "as distributed-systems engineers test
 * replication"): random edits, deletes, duplicates (with lifecycle events, dated, backdated or
 * not, whose kept row's status a merge then follows) and conflict resolutions on each copy, random
 * merges between them, each copy's clock skewed within the drift bound. Then every copy is merged
 * with every other until nothing changes, and:
 *   - the copies hold identical records and conflicts (convergence);
 *   - every version ever written is current or in history (no lost edit);
 *   - they settle: a further merge reports "unchanged" and leaves the file's bytes alone
 *     (idempotence, quiescence);
 *   - merging X into Y and Y into X (from the same state) gives the same records (commutativity);
 *   - the audit chains and record seals verify on every copy.
 * Small on purpose (runs in npm test); test/bench/mergeBench.ts runs a larger merge.
 */

const CAROL: Actor = { name: 'Carol Analyst', device: 'carol-tablet' };
const PEOPLE = [ALICE, BOB, CAROL] as const;
const DOMAINS = ['hotmailbox.me', 'anycaptcha.com', 'nonecaptcha.com', 'rockcaptcha.com'];
const TABLES = ['case_info', 'note', 'website', 'link', 'website_status_event', 'merge_conflict'];
const VERSIONED = ['note', 'website', 'link'];
const EXPECTED_REFUSALS = new Set(['NOT_FOUND', 'INVALID_REQUEST', 'ALREADY_EXISTS', 'CONFLICT']);

type Op =
  | { t: 'edit'; copy: number; note: number; field: 'title' | 'body'; text: string }
  | { t: 'delete'; copy: number; note: number }
  | { t: 'create'; copy: number; text: string }
  | { t: 'site'; copy: number; domain: number; status: number; at: string | null }
  | { t: 'unsite'; copy: number; domain: number }
  | { t: 'status'; copy: number; domain: number; status: number; at: string | null }
  | { t: 'link'; copy: number; note: number; domain: number }
  | { t: 'unlink'; copy: number; index: number }
  | { t: 'resolve'; copy: number; keep: 'mine' | 'theirs' | 'value' }
  | { t: 'merge'; copy: number; from: number };

const copy = fc.integer({ min: 0, max: 2 });
/** Lifecycle dates: a day, a time on that day, an earlier day, or none (now). */
const STATUS_DATES = ['2023-11-01', '2023-12-13', '2023-12-13T10:00:00.000Z', null] as const;
/** A site added with a status, or a status set on a copy's row of it, on one of STATUS_DATES. */
function lifecycleOp<T extends 'site' | 'status'>(t: T) {
  return fc.record({
    t: fc.constant(t),
    copy,
    domain: fc.integer({ min: 0, max: DOMAINS.length - 1 }),
    status: fc.integer({ min: 0, max: SITE_STATUSES.length - 1 }),
    at: fc.constantFrom(...STATUS_DATES),
  });
}
const small = fc.integer({ min: 0, max: 7 });
const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0 && !/\p{Cc}/u.test(s));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('edit' as const), copy, note: small, field: fc.constantFrom('title' as const, 'body' as const), text }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), copy, note: small }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('create' as const), copy, text }) },
  // A site added with its first status, dated (`site add --status-date`) or not.
  { weight: 2, arbitrary: lifecycleOp('site') },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('unsite' as const), copy, domain: fc.integer({ min: 0, max: DOMAINS.length - 1 }) }) },
  // Lifecycle events on one copy's row of a domain: dated (a day, or a time), backdated, or undated (now).
  { weight: 3, arbitrary: lifecycleOp('status') },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('link' as const), copy, note: small, domain: fc.integer({ min: 0, max: DOMAINS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('unlink' as const), copy, index: small }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resolve' as const), copy, keep: fc.constantFrom('mine' as const, 'theirs' as const, 'value' as const) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('merge' as const), copy, from: copy }) },
);
// Skews of up to a third of the bound each way: two copies then differ by less than the bound.
const skew = fc.integer({ min: -Math.floor(MAX_CLOCK_DRIFT_MS / 3), max: Math.floor(MAX_CLOCK_DRIFT_MS / 3) });

function records(c: CaseFile): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, c.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
}

function versions(c: CaseFile): Set<string> {
  const current = VERSIONED.flatMap((t) => c.db.prepare(`SELECT id || '@' || hlc FROM ${t}`).pluck().all() as string[]);
  const history = c.db.prepare("SELECT record_id || '@' || hlc FROM record_history").pluck().all() as string[];
  return new Set([...current, ...history]);
}

function fileHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function liveNotes(c: CaseFile): string[] {
  return c.db.prepare('SELECT id FROM note WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
}

function siteId(c: CaseFile, domain: string): string | undefined {
  return c.db.prepare('SELECT id FROM website WHERE host_ascii = ? AND deleted_at IS NULL').pluck().get(domain) as string | undefined;
}

function apply(copies: CaseFile[], o: Op): void {
  const c = copies[o.copy]!;
  const notes = liveNotes(c);
  const note = notes.length ? notes[('note' in o ? o.note : 0) % notes.length]! : undefined;
  switch (o.t) {
    case 'edit':
      if (note) noteService.update(c, note, { [o.field]: o.text });
      return;
    case 'delete':
      if (note) noteService.remove(c, note);
      return;
    case 'create':
      noteService.create(c, { title: o.text, body: '' });
      return;
    case 'site':
      addWebsite(c, { input: DOMAINS[o.domain]!, status: SITE_STATUSES[o.status]!, ...(o.at ? { status_at: o.at } : {}) });
      return;
    case 'unsite': {
      const id = siteId(c, DOMAINS[o.domain]!);
      if (id) deleteWebsite(c, id);
      return;
    }
    case 'status': {
      const id = siteId(c, DOMAINS[o.domain]!);
      if (id) setWebsiteStatus(c, id, SITE_STATUSES[o.status]!, o.at ? { at: o.at } : {});
      return;
    }
    case 'link': {
      const site = siteId(c, DOMAINS[o.domain]!);
      if (note && site) linkRecords(c, { from_id: note, to_id: site, relation: 'about' });
      return;
    }
    case 'unlink': {
      const links = c.db.prepare('SELECT id FROM link WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
      if (links.length) unlinkRecords(c, links[o.index % links.length]!);
      return;
    }
    case 'resolve': {
      const open = listConflicts(c).find((x) => x.kind === 'edit_edit' || x.kind === 'duplicate');
      if (open) resolveConflict(c, open.id, o.keep === 'value' ? 'agreed' : o.keep);
      return;
    }
    case 'merge':
      if (o.copy !== o.from) mergeCaseFile(c, copies[o.from]!.path);
      return;
  }
}

/**
 * A kept duplicate never shows an earlier lifecycle state than a row tombstoned into it: when the
 * tombstoned row's status was dated, the kept row's is dated and not earlier (followDuplicateStatus).
 */
function expectStatusFollowed(c: CaseFile): void {
  const site = c.db.prepare('SELECT id, status, status_at FROM website WHERE id = ?');
  for (const [dropped, kept] of duplicateSurvivors(c)) {
    if (dropped === kept || statusIsUndatedCreation(c, dropped)) continue;
    const [d, k] = [site.get(dropped), site.get(kept)] as { id: string; status: string; status_at: string }[];
    expect(statusIsUndatedCreation(c, kept), `${kept} keeps an undated status over ${dropped}'s ${d!.status} ${d!.status_at}`).toBe(false);
    expect(k!.status_at >= d!.status_at, `${kept} at ${k!.status} ${k!.status_at}, before ${dropped}'s ${d!.status} ${d!.status_at}`).toBe(true);
  }
}

/** Merges every copy with every other until a whole round changes nothing; the rounds it took. */
function syncAll(copies: CaseFile[]): number {
  for (let round = 1; round <= 6; round += 1) {
    let changed = false;
    for (let i = 0; i < copies.length; i += 1) {
      for (let j = 0; j < copies.length; j += 1) {
        if (i !== j && !mergeCaseFile(copies[i]!, copies[j]!.path).unchanged) changed = true;
      }
    }
    if (!changed) return round;
  }
  return -1;
}

describe('merge properties (fast-check)', () => {
  it('three copies, random work and merges, skewed clocks: they converge, lose nothing, settle, and merge commutes', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 4, maxLength: 22 }), fc.tuple(skew, skew, skew), (ops, skews) => {
        const base = newTestCase(ALICE);
        noteService.create(base, { title: 'Plan', body: 'v1' });
        noteService.create(base, { title: 'Targets', body: 'v1' });
        addWebsite(base, { input: DOMAINS[0]! });
        closeCaseFile(base);
        const dir = path.dirname(base.path);
        const copies = PEOPLE.map((actor, i) => {
          const file = path.join(dir, `copy-${i}.dossier`);
          fs.copyFileSync(base.path, file);
          return openCaseFile(file, { actor, wallClock: () => Date.now() + skews[i]! });
        });
        try {
          const written = new Set<string>();
          for (const o of ops) {
            try {
              apply(copies, o);
            } catch (error) {
              if (!(error instanceof DossierError) || !EXPECTED_REFUSALS.has(error.code)) throw error;
            }
            for (const c of copies) for (const v of versions(c)) written.add(v);
          }

          // Commutativity: X into Y and Y into X, from the same state, give the same records.
          const [x, y] = [0, 1].map((i) => {
            const file = path.join(dir, `pair-${i}.dossier`);
            fs.copyFileSync(copies[i]!.path, file);
            return openCaseFile(file, { actor: PEOPLE[i]!, wallClock: () => Date.now() + skews[i]! });
          }) as [CaseFile, CaseFile];
          try {
            mergeCaseFile(x, copies[1]!.path);
            mergeCaseFile(y, copies[0]!.path);
            expect(records(x)).toEqual(records(y));
          } finally {
            closeCaseFile(x);
            closeCaseFile(y);
          }

          const rounds = syncAll(copies);
          expect(rounds, 'copies settle').toBeGreaterThan(0);
          const [first, ...rest] = copies as [CaseFile, ...CaseFile[]];
          for (const c of rest) expect(records(c)).toEqual(records(first));
          const kept = versions(first);
          for (const v of written) expect(kept.has(v), `version ${v} lost`).toBe(true);
          const hashes = copies.map((c) => fileHash(c.path));
          expect(mergeCaseFile(copies[2]!, copies[0]!.path).unchanged).toBe(true);
          expect(copies.map((c) => fileHash(c.path))).toEqual(hashes);
          for (const c of copies) {
            expectStatusFollowed(c);
            expect(verifyAudit(c.db).firstBreak).toBeNull();
            expect(verifyRecordSeals(c.db).findings).toEqual([]);
          }
        } finally {
          for (const c of copies) closeCaseFile(c);
        }
      }),
      // DOSSIER_PROPERTY_RUNS runs more (the bench's larger run); 12 keep npm test fast.
      { numRuns: Number(process.env.DOSSIER_PROPERTY_RUNS ?? 12) },
    );
  });
});
