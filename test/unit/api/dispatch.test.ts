import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { createDossierClient } from '../../../src-main/contract/createDossierClient';
import { CHANNELS } from '../../../src-main/contract/DossierApi';
import { DossierError } from '../../../src-main/contract/errors';
import { requestSchemas } from '../../../src-main/contract/requestSchemas';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

function client(session: CaseSession) {
  return createDossierClient((channel, request) => dispatch(session, channel, request) as never, () => () => {});
}

describe('the contract over dispatch', () => {
  it('has a request schema for every channel and nothing else', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...CHANNELS].sort());
  });

  it('drives a case end to end through the typed client', async () => {
    const session = new CaseSession(ALICE);
    const api = client(session);
    const file = path.join(tempDir(), 'ui.dossier');
    const summary = await api['case.create']({ path: file, case: { title: 'UI case' } });
    expect(summary.info.title).toBe('UI case');
    const site = await api['websites.add']({ input: 'hotmailbox.me' });
    const order = await api['orders.create']({ title: 'TRO', docket: 'd', court: 'SDNY', order_type: 'ex_parte_tro' });
    await api['links.create']({ from_id: order.id, to_id: site.id, relation: 'covers' });
    const detail = await api['items.get']({ id: site.id });
    expect(detail.linked.map((l) => l.id)).toEqual([order.id]);
    expect((await api['items.list']({ kind: 'website' })).items).toHaveLength(1);
    expect((await api['search.query']({ text: 'hotmailbox' })).map((h) => h.id)).toEqual([site.id]);
    expect((await api['audit.verify']({})).ok).toBe(true);
    expect((await api['case.summary']({}))?.counts.website).toBe(1);
    await api['case.close']({});
    await expect(api['items.list']({ kind: 'note' })).rejects.toMatchObject({ code: 'NO_CASE_OPEN' });
  });

  it('rejects unknown channels, bad requests and relative paths without running anything', async () => {
    const session = new CaseSession(ALICE);
    expect(await dispatch(session, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await dispatch(session, 'case.open', { path: 'relative.dossier' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('must be an absolute path') },
    });
    expect(await dispatch(session, 'case.open', { path: '/tmp/x.txt' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('.dossier') } });
    expect(await dispatch(session, 'items.list', null)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('returns field messages a form can show', async () => {
    const session = new CaseSession(ALICE);
    const api = client(session);
    await api['case.create']({ path: path.join(tempDir(), 'f.dossier'), case: { title: 'Forms' } });
    const error = await api['orders.create']({ title: 'T', docket: '', court: 'c', order_type: 'tro', expires_at: 'soon' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).details).toMatchObject({ fields: { docket: 'is required', expires_at: expect.stringContaining('is not a date') } });
    session.close();
  });
});
