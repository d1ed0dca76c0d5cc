import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseWorker } from '../../../src-main/app/worker/CaseWorker';
import { tempDir } from '../../helpers/tempDir';

const ENTRY = new URL('./workerBootstrap.mjs', import.meta.url);
const workers: CaseWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});

function start(onEvent?: ConstructorParameters<typeof CaseWorker>[2]): CaseWorker {
  const worker = new CaseWorker(ENTRY, { nativeBinding: null, actorName: 'Worker Tester', identityVaultPath: null }, onEvent);
  workers.push(worker);
  return worker;
}

describe('CaseWorker', () => {
  it('runs requests through dispatch in its own thread', async () => {
    const worker = start();
    const file = path.join(tempDir(), 'worker.dossier');
    const created = await worker.call('case.create', { path: file, case: { title: 'Worker case' } });
    expect(created).toMatchObject({ ok: true, value: { path: file, info: { title: 'Worker case', created_by: 'Worker Tester' } } });
    const site = await worker.invoke('websites.add', { input: 'https://hotmailbox.me/shop' });
    expect(site).toMatchObject({ ok: true, value: { host_ascii: 'hotmailbox.me' } });
    const page = await worker.call('items.list', { kind: 'website' });
    expect(page.ok && page.value.items).toHaveLength(1);
  }, 60_000);

  it('returns validation errors as results, never throws', async () => {
    const worker = start();
    expect(await worker.invoke('case.open', { path: 'relative.dossier' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', details: { fields: { path: 'must be an absolute path' } } },
    });
    expect(await worker.invoke('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await worker.invoke('tasks.cancel', { taskId: 'nothing-running' })).toEqual({ ok: true, value: null });
  }, 60_000);

  it('answers concurrent requests by id', async () => {
    const worker = start();
    const file = path.join(tempDir(), 'concurrent.dossier');
    await worker.call('case.create', { path: file, case: { title: 'Concurrent' } });
    const hosts = Array.from({ length: 20 }, (_, i) => `site-${i}.example`);
    const results = await Promise.all(hosts.map((input) => worker.invoke('websites.add', { input })));
    expect(results.map((r) => (r.ok ? (r.value as { host_ascii: string }).host_ascii : r.error.code))).toEqual(hosts);
  }, 60_000);

  it('streams progress of long work and honours tasks.cancel while it runs', async () => {
    const progress: { taskId: string; done: number }[] = [];
    let firstProgress: () => void = () => {};
    const started = new Promise<void>((resolve) => (firstProgress = resolve));
    const worker = start((name, payload) => {
      if (name !== 'task.progress') return;
      progress.push(payload as { taskId: string; done: number });
      firstProgress();
    });
    const dir = tempDir();
    await worker.call('case.create', { path: path.join(dir, 'import.dossier'), case: { title: 'Import' } });
    const list = path.join(dir, 'domains.txt');
    fs.writeFileSync(list, Array.from({ length: 400_000 }, (_, i) => `shop-${i}.example`).join('\n'));
    const running = worker.invoke('websites.import', { path: list, taskId: 'import-1', format: 'text' });
    await started;
    expect(await worker.invoke('tasks.cancel', { taskId: 'import-1' })).toEqual({ ok: true, value: null });
    const result = await running;
    expect(result).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.taskId === 'import-1')).toBe(true);
    const imported = (result.ok ? (result.value as { imported: number }).imported : -1);
    expect(imported).toBeLessThan(400_000);
  }, 120_000);

  it('closes the case file before the thread ends, leaving nothing beside it', async () => {
    const worker = start();
    const dir = tempDir();
    const file = path.join(dir, 'closing.dossier');
    await worker.call('case.create', { path: file, case: { title: 'Closing' } });
    await worker.close();
    expect(fs.readdirSync(dir)).toEqual(['closing.dossier']);
    expect(await worker.invoke('case.summary', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  }, 60_000);
});
