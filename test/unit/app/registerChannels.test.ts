import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { type IpcMainLike, registerChannels, type ShellHandlers } from '../../../src-main/app/registerChannels';
import type { FrameLike, IpcSenderLike, TrustedRenderer } from '../../../src-main/app/security/trustedRenderer';
import { SHELL_CHANNELS } from '../../../src-main/contract/DossierShell';
import { CHANNELS } from '../../../src-main/contract/DossierApi';
import type { IpcResult } from '../../../src-main/contract/createDossierClient';
import { tempDir } from '../../helpers/tempDir';

type Listener = (event: IpcSenderLike, ...args: unknown[]) => unknown;

const sessions: CaseSession[] = [];
afterEach(() => {
  sessions.splice(0).forEach((s) => s.close());
  shellCalls.length = 0; // each test sees only the dialogs it opened, in any order
});

/** ipcMain stand-in that records registrations (and fails on a second one for a channel, as Electron does). */
function fakeIpc() {
  const handlers = new Map<string, Listener>();
  const registrations: string[] = [];
  const ipc: IpcMainLike<IpcSenderLike> = {
    handle(channel, listener) {
      registrations.push(channel);
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener as Listener);
    },
  };
  return { ipc, handlers, registrations };
}

const shellCalls: string[] = [];
const shell: ShellHandlers<IpcSenderLike> = {
  chooseNewCasePath: ({ suggestedName }) => {
    shellCalls.push(`new:${suggestedName}`);
    return null;
  },
  chooseCaseToOpen: () => null,
  chooseEvidenceFiles: () => [],
  chooseExtractPath: () => null,
  chooseSavePath: ({ purpose }) => {
    shellCalls.push(`save:${purpose}`);
    return null;
  },
  chooseFileToOpen: () => null,
  showInFolder: () => null,
  recentCases: () => [],
  forgetRecentCase: () => null,
  takeLaunchRequest: () => ({ openPath: null, newCase: false }),
  openCaseWindow: () => null,
};

function setup() {
  const dir = tempDir();
  const indexPath = path.join(dir, 'renderer', 'index.html');
  const renderer: TrustedRenderer = { kind: 'file', indexPath };
  const session = new CaseSession({ name: 'Tester', device: 'test-device' });
  sessions.push(session);
  const { ipc, handlers, registrations } = fakeIpc();
  const returned = registerChannels(ipc, {
    renderer,
    hostFor: () => ({ invoke: (channel, request) => dispatch(session, channel, request), close: async () => session.close() }),
    shell,
  });
  const mainFrame: FrameLike = { url: `${pathToFileURL(indexPath).href}#/case`, parent: null };
  const ours: IpcSenderLike = { senderFrame: mainFrame, sender: { mainFrame } };
  const call = async (channel: string, request: unknown, event: IpcSenderLike = ours) => (await handlers.get(channel)!(event, request)) as IpcResult;
  return { dir, handlers, registrations, returned, call, mainFrame, ours };
}

describe('registerChannels', () => {
  it('registers every contract channel and every shell method exactly once', () => {
    const { registrations, returned } = setup();
    expect(new Set(registrations).size).toBe(registrations.length);
    expect([...registrations].sort()).toEqual([...CHANNELS, ...SHELL_CHANNELS].sort());
    expect(returned).toEqual(registrations);
  });

  it('answers our window: a case is created through dispatch', async () => {
    const { dir, call } = setup();
    const target = path.join(dir, 'ours.dossier');
    const result = await call('case.create', { path: target, case: { title: 'Ours' } });
    expect(result.ok).toBe(true);
    expect(fs.existsSync(target)).toBe(true);
  });

  it('refuses subframes, foreign pages, other frames and vanished frames without running anything', async () => {
    const { dir, call, mainFrame } = setup();
    const target = path.join(dir, 'refused.dossier');
    const request = { path: target, case: { title: 'Refused' } };
    const evilFrame: FrameLike = { url: 'https://evil.example/index.html', parent: null };
    const subframe: FrameLike = { url: mainFrame.url, parent: mainFrame };
    const otherFile: FrameLike = { url: pathToFileURL(path.join(dir, 'downloads', 'index.html')).href, parent: null };
    const attempts: IpcSenderLike[] = [
      { senderFrame: subframe, sender: { mainFrame } },
      { senderFrame: evilFrame, sender: { mainFrame: evilFrame } },
      { senderFrame: otherFile, sender: { mainFrame: otherFile } },
      // Same URL, but not the page's main frame object.
      { senderFrame: { url: mainFrame.url, parent: null }, sender: { mainFrame } },
      { senderFrame: null, sender: { mainFrame } },
    ];
    for (const event of attempts) {
      const result = await call('case.create', request, event);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/did not come from a Dossier window/) } });
      const shellResult = await call('shell.chooseNewCasePath', { suggestedName: 'x.dossier' }, event);
      expect(shellResult.ok).toBe(false);
    }
    expect(fs.existsSync(target)).toBe(false);
    expect(shellCalls).toEqual([]);
  });

  it('rejects invalid requests with the contract error, field by field', async () => {
    const { call } = setup();
    const relative = await call('case.create', { path: 'relative.dossier', case: { title: '' } });
    expect(relative).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', details: { fields: { path: 'must be an absolute path', 'case.title': 'is required' } } } });
    const noCase = await call('websites.add', { input: 'example.com' });
    expect(noCase).toMatchObject({ ok: false, error: { code: 'NO_CASE_OPEN' } });
    const badShell = await call('shell.forgetRecentCase', { path: '/tmp/notes.txt' });
    expect(badShell).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', details: { fields: { path: 'must end in .dossier' } } } });
    const extra = await call('shell.chooseNewCasePath', { suggestedName: '../../etc/passwd' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const unknownField = await call('shell.recentCases', { evil: true });
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const good = await call('shell.chooseNewCasePath', { suggestedName: 'storm.dossier' });
    expect(good).toEqual({ ok: true, value: null });
    const unknownPurpose = await call('shell.chooseSavePath', { purpose: 'anywhere', suggestedName: 'x.pdf' });
    expect(unknownPurpose).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await call('shell.chooseSavePath', { purpose: 'packet', suggestedName: 'Packet.pdf' })).toEqual({ ok: true, value: null });
    expect(shellCalls).toEqual(['new:storm.dossier', 'save:packet']);
  });
});
