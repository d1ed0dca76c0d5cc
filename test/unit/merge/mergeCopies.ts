import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import type { Actor } from '../../../src-main/casefile/Actor';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { DossierError } from '../../../src-main/contract/errors';
import { noteService } from '../../../src-main/notes/noteService';
import { addWebsite } from '../../../src-main/websites/websiteService';
import { ALICE, newTestCase, track } from '../../helpers/testCase';

/*
 * Copies of one case, edited and merged by different people: what the convergence tests share.
 */

export const CAROL: Actor = { name: 'Carol Analyst', device: 'carol-tablet' };
const TABLES = ['case_info', 'evidence', 'website', 'court_order', 'stakeholder', 'note', 'link', 'team_member', 'custody_event', 'website_status_event', 'packet_export', 'packet_exhibit', 'merge_conflict'];

/** Every row of every table that must agree between converged copies. */
export function records(caseFile: CaseFile): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, caseFile.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

/** SHA-256 of a file's bytes. */
export function fileHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The audit chain and every record's seal hold (what `dossier check` and `audit verify` check). */
export function expectVerified(caseFile: CaseFile): void {
  expect(verifyAudit(caseFile.db).firstBreak).toBeNull();
  expect(verifyRecordSeals(caseFile.db).findings).toEqual([]);
}

/** A base case and copies of it, each opened by its own person (optionally with its own clock). */
export function copies(names: readonly { name: string; actor: Actor; wallClock?: () => number }[]): { base: string; dir: string; files: CaseFile[] } {
  const base = newTestCase(ALICE);
  noteService.create(base, { title: 'Shared note', body: 'v1' });
  noteService.create(base, { title: 'Second note', body: 'v1' });
  addWebsite(base, { input: 'hotmailbox.me' });
  closeCaseFile(base);
  const dir = path.dirname(base.path);
  const files = names.map(({ name, actor, wallClock }) => {
    const file = path.join(dir, name);
    fs.copyFileSync(base.path, file);
    return track(openCaseFile(file, { actor, ...(wallClock ? { wallClock } : {}) }));
  });
  return { base: base.path, dir, files };
}

/** Closes and opens the case file again (a new session, as a CLI command is). */
export function reopen(caseFile: CaseFile, actor: Actor, wallClock?: () => number): CaseFile {
  closeCaseFile(caseFile);
  return track(openCaseFile(caseFile.path, { actor, ...(wallClock ? { wallClock } : {}) }));
}

/** The error code a piece of work ends with, or 'done'. */
export function codeOf(work: () => unknown): string {
  try {
    work();
    return 'done';
  } catch (error) {
    return error instanceof DossierError ? error.code : String(error);
  }
}

/** The DossierError a piece of work ends with (it must fail). */
export function errorOf(work: () => unknown): DossierError {
  try {
    work();
  } catch (error) {
    return error as DossierError;
  }
  throw new Error('expected a failure');
}
