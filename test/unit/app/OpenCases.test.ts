import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { OpenCases, trackedCaseHost } from '../../../src-main/app/OpenCases';
import type { CaseSummary } from '../../../src-main/contract/DossierApi';
import { tempDir } from '../../helpers/tempDir';

const sessions: CaseSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

function windowHost(id: number, openCases: OpenCases) {
  const session = new CaseSession({ name: `Window ${id}`, device: `device-${id}` });
  sessions.push(session);
  const seen = { opened: [] as string[], closed: 0, focused: [] as number[] };
  const host = trackedCaseHost({ invoke: (c, r) => dispatch(session, c, r), close: async () => session.close() }, id, openCases, {
    onOpened: (summary: CaseSummary) => seen.opened.push(summary.info.title),
    onClosed: () => seen.closed++,
    onAlreadyOpen: (owner) => seen.focused.push(owner),
  });
  return { host, seen };
}

describe('one case file, one window', () => {
  it('refuses to open a file another window has open, and focuses that window', async () => {
    const openCases = new OpenCases();
    const a = windowHost(1, openCases);
    const b = windowHost(2, openCases);
    const file = path.join(tempDir(), 'shared.dossier');
    expect((await a.host.invoke('case.create', { path: file, case: { title: 'Shared' } })).ok).toBe(true);
    expect(a.seen.opened).toEqual(['Shared']);
    expect(openCases.ownerOf(file)).toBe(1);

    const second = await b.host.invoke('case.open', { path: file });
    expect(second).toMatchObject({ ok: false, error: { code: 'CASE_FILE_LOCKED' } });
    expect(b.seen.focused).toEqual([1]);

    expect((await a.host.invoke('case.close', {})).ok).toBe(true);
    expect(a.seen.closed).toBe(1);
    expect(openCases.ownerOf(file)).toBeUndefined();
    expect((await b.host.invoke('case.open', { path: file })).ok).toBe(true);
    expect(openCases.ownerOf(file)).toBe(2);
  });

  it('releases a claim when opening fails, and when the window goes', async () => {
    const openCases = new OpenCases();
    const a = windowHost(1, openCases);
    const missing = path.join(tempDir(), 'missing.dossier');
    expect((await a.host.invoke('case.open', { path: missing })).ok).toBe(false);
    expect(openCases.ownerOf(missing)).toBeUndefined();
    const file = path.join(tempDir(), 'mine.dossier');
    await a.host.invoke('case.create', { path: file, case: { title: 'Mine' } });
    openCases.releaseWindow(1);
    expect(openCases.ownerOf(file)).toBeUndefined();
  });
});
