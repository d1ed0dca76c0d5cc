import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseFilesInArgv } from '../../../src-main/app/caseFilesInArgv';
import { RecentCases } from '../../../src-main/app/RecentCases';
import { tempDir } from '../../helpers/tempDir';

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();

describe('RecentCases', () => {
  it('keeps the newest first, once per file, at most twelve', () => {
    const recent = new RecentCases(path.join(tempDir(), 'nested', 'recent.json'));
    for (let i = 0; i < 15; i++) recent.add({ path: `/cases/c${i}.dossier`, title: `Case ${i}`, openedAt: at(i) });
    recent.add({ path: '/cases/c3.dossier', title: 'Case 3 renamed', openedAt: at(20) });
    const list = recent.list();
    expect(list).toHaveLength(12);
    expect(list[0]).toEqual({ path: '/cases/c3.dossier', title: 'Case 3 renamed', openedAt: at(20) });
    expect(list.filter((e) => e.path === '/cases/c3.dossier')).toHaveLength(1);
    recent.remove('/cases/c3.dossier');
    expect(recent.list().some((e) => e.path === '/cases/c3.dossier')).toBe(false);
    recent.clear();
    expect(recent.list()).toEqual([]);
  });

  it('treats a damaged list as empty instead of failing start-up', () => {
    const file = path.join(tempDir(), 'recent.json');
    fs.writeFileSync(file, '{not json');
    expect(new RecentCases(file).list()).toEqual([]);
    fs.writeFileSync(file, JSON.stringify([{ path: 1 }, { path: '/a.dossier', title: 'A', openedAt: at(1) }]));
    expect(new RecentCases(file).list()).toEqual([{ path: '/a.dossier', title: 'A', openedAt: at(1) }]);
  });
});

describe('caseFilesInArgv', () => {
  it('finds .dossier files on a command line, resolved against the working folder', () => {
    expect(caseFilesInArgv(['--inspect', 'storm.dossier', '/abs/Other.DOSSIER', 'notes.txt', '--flag=x.dossier'], '/home/me')).toEqual([
      path.resolve('/home/me/storm.dossier'),
      path.resolve('/abs/Other.DOSSIER'),
    ]);
  });
});
