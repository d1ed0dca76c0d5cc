import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import type { Actor } from '../../../src-main/casefile/Actor';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { linkRecords } from '../../../src-main/links/linkService';
import { formatHlc } from '../../../src-main/casefile/HybridLogicalClock';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { mergeFields } from '../../../src-main/merge/fieldMerge';
import { noteService } from '../../../src-main/notes/noteService';
import { addWebsite } from '../../../src-main/websites/websiteService';
import { ALICE, BOB, newTestCase } from '../../helpers/testCase';

const CAROL: Actor = { name: 'Carol Analyst', device: 'carol-tablet' };

describe('a merge never keeps an older version over a newer one', () => {
  // Two mixes of the same stamp (as two copies make when each merges a third): the one whose
  // differing field is newer may carry the smaller stamp (its mix tag sorts lower).
  const t = 1_765_000_000_000;
  const local = { id: 'n1', hlc: `${formatHlc(t, 0, 'alice')}~m0000aaaa`, title: 'B', body: 'A' };
  const incoming = { id: 'n1', hlc: `${formatHlc(t, 0, 'alice')}~mffff0000`, title: 'C', body: 'A' };
  const localStamps = new Map([['title', formatHlc(t - 10, 0, 'bob')], ['body', formatHlc(t, 0, 'alice')]]);
  const incomingStamps = new Map([['title', formatHlc(t - 8000, 0, 'carol')], ['body', formatHlc(t, 0, 'alice')]]);
  const columns = ['id', 'hlc', 'title', 'body'];

  it('the version that wins every field but is older becomes a new version, newer than both, alike on both sides', () => {
    const here = mergeFields(columns, local, localStamps, incoming, incomingStamps);
    const there = mergeFields(columns, incoming, incomingStamps, local, localStamps);
    expect(here.outcome).toBe('mixed');
    expect(here.row).toMatchObject({ title: 'B', body: 'A' });
    expect(here.row.hlc > incoming.hlc && here.row.hlc > local.hlc).toBe(true);
    expect(there.outcome).toBe('mixed');
    expect(there.row).toEqual(here.row);
  });

  it('the version that wins every field and is newer stays as it is', () => {
    const newerLocal = { ...local, hlc: `${formatHlc(t, 1, 'alice')}` };
    expect(mergeFields(columns, newerLocal, localStamps, incoming, incomingStamps)).toMatchObject({ outcome: 'local', row: newerLocal });
    expect(mergeFields(columns, incoming, incomingStamps, newerLocal, localStamps)).toMatchObject({ outcome: 'incoming', row: newerLocal });
  });

  // Device names get a random suffix per opening, so which mix sorts first differs run to run:
  // without the fix about one run in three failed; twelve runs leave it under 1% to miss.
  it.each(Array.from({ length: 12 }, (_, i) => i))('found by mergeProperties (seed -985069851), run %i: seals verify on every copy after the merges', () => {
    const base = newTestCase(ALICE);
    noteService.create(base, { title: 'Plan', body: 'v1' });
    noteService.create(base, { title: 'Targets', body: 'v1' });
    addWebsite(base, { input: 'hotmailbox.me' });
    closeCaseFile(base);
    const skews = [0, 0, -8657];
    const copies = [ALICE, BOB, CAROL].map((actor, i) => {
      const file = path.join(path.dirname(base.path), `copy-${i}.dossier`);
      fs.copyFileSync(base.path, file);
      return openCaseFile(file, { actor, wallClock: () => Date.now() + skews[i]! });
    }) as [CaseFile, CaseFile, CaseFile];
    const firstNote = (c: CaseFile) => c.db.prepare('SELECT id FROM note WHERE deleted_at IS NULL ORDER BY id').pluck().get() as string;
    const findings = () => copies.map((c) => verifyRecordSeals(c.db).findings.map((f) => `${f.kind} ${f.table}`));
    try {
      noteService.update(copies[2], firstNote(copies[2]), { title: '!' });
      noteService.update(copies[1], firstNote(copies[1]), { title: '"' });
      noteService.update(copies[0], firstNote(copies[0]), { body: '!' });
      mergeCaseFile(copies[2], copies[0].path);
      expect(findings(), 'after Carol merges Alice').toEqual([[], [], []]);
      const site = copies[0].db.prepare('SELECT id FROM website').pluck().get() as string;
      linkRecords(copies[0], { from_id: firstNote(copies[0]), to_id: site, relation: 'about' });
      for (const [i, j] of [[0, 1], [0, 2], [1, 0], [1, 2], [2, 0], [2, 1]] as const) {
        mergeCaseFile(copies[i], copies[j].path);
        expect(findings(), `after copy ${i} merges copy ${j}`).toEqual([[], [], []]);
      }
    } finally {
      for (const c of copies) closeCaseFile(c);
    }
  });
});
