import { describe, expect, it } from 'vitest';
import { buildWindowApi, type WindowTransport } from '../../../src-main/app/buildWindowApi';
import { CHANNELS } from '../../../src-main/contract/DossierApi';
import type { IpcResult } from '../../../src-main/contract/createDossierClient';

function transport(answer: (channel: string, request: unknown) => IpcResult) {
  const pushed = { event: [] as ((n: never, p: unknown) => void)[], menu: [] as ((c: string) => void)[], open: [] as ((p: string) => void)[] };
  const t: WindowTransport = {
    invoke: async (channel, request) => answer(channel, request),
    onEvent: (l) => (pushed.event.push(l as never), () => {}),
    onMenuCommand: (l) => (pushed.menu.push(l), () => {}),
    onOpenPath: (l) => (pushed.open.push(l), () => {}),
    pathForFile: (file) => (file.name === 'on-disk.txt' ? '/evidence/on-disk.txt' : ''),
    platform: 'linux',
  };
  return { t, pushed };
}

describe('buildWindowApi', () => {
  it('exposes every channel and rejects with plain data that survives a structured clone', async () => {
    const { t } = transport((channel) =>
      channel === 'case.summary'
        ? { ok: true, value: null }
        : { ok: false, error: { code: 'INVALID_REQUEST', message: 'Invalid stakeholders.create: email is not an e-mail address.', details: { fields: { email: 'is not an e-mail address' } } } },
    );
    const { dossier } = buildWindowApi(t);
    for (const channel of CHANNELS) expect(typeof dossier[channel]).toBe('function');
    await expect(dossier['case.summary']({})).resolves.toBeNull();
    const error = await dossier['stakeholders.create']({ name: 'x', email: 'bad' }).catch((e: unknown) => e);
    // contextBridge copies plain objects whole but keeps only `message` of an Error.
    expect(error).not.toBeInstanceOf(Error);
    expect(structuredClone(error)).toEqual({
      name: 'DossierError',
      code: 'INVALID_REQUEST',
      message: 'Invalid stakeholders.create: email is not an e-mail address.',
      details: { fields: { email: 'is not an e-mail address' } },
    });
  });

  it('routes shell calls through shell.* channels and unwraps results', async () => {
    const seen: string[] = [];
    const { t } = transport((channel, request) => {
      seen.push(`${channel} ${JSON.stringify(request)}`);
      return channel === 'shell.chooseNewCasePath' ? { ok: true, value: '/cases/new.dossier' } : { ok: false, error: { code: 'INVALID_REQUEST', message: 'no' } };
    });
    const { shell } = buildWindowApi(t);
    await expect(shell.chooseNewCasePath({ suggestedName: 'new.dossier' })).resolves.toBe('/cases/new.dossier');
    await expect(shell.recentCases({})).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(seen).toEqual(['shell.chooseNewCasePath {"suggestedName":"new.dossier"}', 'shell.recentCases {}']);
  });

  it('keeps menu commands sent before the page listens, and drops unknown ones', () => {
    const { t, pushed } = transport(() => ({ ok: true, value: null }));
    const { shell } = buildWindowApi(t);
    pushed.menu.forEach((l) => l('case.new'));
    pushed.menu.forEach((l) => l('rm -rf'));
    const got: string[] = [];
    shell.onMenuCommand((c) => got.push(c));
    pushed.menu.forEach((l) => l('view.graph'));
    expect(got).toEqual(['case.new', 'view.graph']);
  });

  it('delivers progress events to subscribers and gives paths only for files on disk', () => {
    const { t, pushed } = transport(() => ({ ok: true, value: null }));
    const { dossier, shell } = buildWindowApi(t);
    const progress: unknown[] = [];
    const off = dossier.on('task.progress', (p) => progress.push(p));
    const payload = { taskId: 't1', phase: 'hashing', done: 5, total: 10, unit: 'bytes' };
    pushed.event.forEach((l) => l('task.progress' as never, payload));
    off();
    pushed.event.forEach((l) => l('task.progress' as never, payload));
    expect(progress).toEqual([payload]);
    expect(shell.pathsForFiles([new File(['x'], 'on-disk.txt'), new File(['y'], 'from-a-web-page.txt')])).toEqual(['/evidence/on-disk.txt']);
  });
});
