import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../src-main/contract/errors';
import { itemDetail, deleteItem, listItems, recordHistory } from '../../../src-main/items/itemOperations';
import { noteService } from '../../../src-main/notes/noteService';
import { orderService } from '../../../src-main/orders/orderService';
import { stakeholderService } from '../../../src-main/stakeholders/stakeholderService';
import { addWebsite, setWebsiteStatus, updateWebsite, websiteStatusHistory } from '../../../src-main/websites/websiteService';
import { getCaseInfo, updateCaseInfo } from '../../../src-main/case/caseInfo';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { ALICE, newTestCase } from '../../helpers/testCase';

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as DossierError).code;
  }
  return 'no error';
}

describe('record services', () => {
  it('creates, reads, updates and soft-deletes each kind, keeping history', () => {
    const cf = newTestCase();
    const cases = [
      { service: orderService, create: { title: 'TRO', docket: '1:23-cv-10685', court: 'SDNY', order_type: 'ex_parte_tro' as const }, patch: { judge: 'Paul A. Engelmayer' } },
      { service: stakeholderService, create: { name: 'Arkose Labs', kind: 'partner' as const }, patch: { email: 'intake@example.org' } },
      { service: noteService, create: { title: 'Plan', body: 'Seize the sites' }, patch: { body: 'Seized.' } },
    ];
    for (const { service, create, patch } of cases) {
      const made = service.create(cf, create as never) as { id: string; hlc: string };
      expect(service.get(cf, made.id)).toEqual(made);
      const changed = service.update(cf, made.id, patch as never) as unknown as Record<string, string>;
      for (const [k, v] of Object.entries(patch)) expect(changed[k]).toBe(v);
      expect(String(changed.hlc) > made.hlc).toBe(true);
      expect(recordHistory(cf, made.id).map((h) => h.version)).toEqual([made]);
      service.remove(cf, made.id);
      expect(codeOf(() => service.get(cf, made.id))).toBe('NOT_FOUND');
      expect((service.get(cf, made.id, { includeDeleted: true }) as { deleted_at: string | null }).deleted_at).not.toBeNull();
      expect(recordHistory(cf, made.id)).toHaveLength(2);
    }
  });

  it('rejects bad input at dispatch (the one validation) with the field named, and stores nothing', async () => {
    const cf = newTestCase();
    const session = new CaseSession(ALICE);
    session.replace(cf);
    const before = cf.db.prepare('SELECT count(*) FROM court_order').pluck().get();
    const result = await dispatch(session, 'orders.create', { title: '', docket: 'x', court: 'SDNY', order_type: 'not-a-type', granted_at: '2024-13-45' });
    expect(result.ok).toBe(false);
    const { code, message } = (result as { error: { code: string; message: string } }).error;
    expect(code).toBe('INVALID_REQUEST');
    expect(message).toContain('title is required');
    expect(message).toContain('order_type');
    expect(message).toContain('granted_at is not a real calendar date: "2024-13-45"');
    expect(cf.db.prepare('SELECT count(*) FROM court_order').pluck().get()).toBe(before);
    expect(await dispatch(session, 'stakeholders.create', { name: 'X', email: 'not-an-email' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await dispatch(session, 'notes.update', { id: '01900000-0000-7000-8000-000000000000', patch: { title: '' } })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('refuses an update based on a stale version instead of overwriting it', () => {
    const cf = newTestCase();
    const note = noteService.create(cf, { title: 'Draft', body: '' });
    noteService.update(cf, note.id, { body: 'Alice edit' }, note.hlc);
    expect(codeOf(() => noteService.update(cf, note.id, { body: 'stale edit' }, note.hlc))).toBe('CONFLICT');
    expect(noteService.get(cf, note.id).body).toBe('Alice edit');
  });

  it('updates the case record itself', () => {
    const cf = newTestCase();
    const updated = updateCaseInfo(cf, { docket_number: '1:23-cv-10685 (PAE)', classification: 'TLP:RED' });
    expect(getCaseInfo(cf)).toEqual(updated);
  });

  it('normalises websites, refuses duplicates, and keeps a dated status history', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: '  HTTPS://Hotmailbox.ME/shop?x=1 ', role: 'marketplace' });
    expect(site).toMatchObject({ host_ascii: 'hotmailbox.me', registrable_domain: 'hotmailbox.me', public_suffix: 'me', url_path: '/shop?x=1', status: 'identified' });
    expect(codeOf(() => addWebsite(cf, { input: 'https://hotmailbox.me/shop?x=1' }))).toBe('ALREADY_EXISTS');
    const order = orderService.create(cf, { title: 'TRO', docket: 'd', court: 'c', order_type: 'ex_parte_tro' });
    setWebsiteStatus(cf, site.id, 'named_in_order', { at: '2023-12-07', orderId: order.id });
    setWebsiteStatus(cf, site.id, 'transfer_confirmed', { at: '2023-12-13' });
    const history = websiteStatusHistory(cf, site.id);
    expect(history.map((e) => e.status)).toEqual(['named_in_order', 'transfer_confirmed', 'identified']);
    expect(history[0]!.order_id).toBe(order.id);
    const updated = updateWebsite(cf, site.id, { registrar: 'Example Registrar', ips: ['192.0.2.1'] });
    expect(updated.ips).toEqual(['192.0.2.1']);
    expect(updated.status).toBe('transfer_confirmed');
  });

  it('shows an item with its links and history, and deletes any kind by id', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: 'anycaptcha.com' });
    const detail = itemDetail(cf, site.id);
    expect(detail.kind).toBe('website');
    deleteItem(cf, site.id);
    expect(listItems(cf, 'website', {}).items).toEqual([]);
    expect(codeOf(() => itemDetail(cf, site.id))).toBe('NOT_FOUND');
    // The same domain can be added again after its record was deleted.
    expect(addWebsite(cf, { input: 'anycaptcha.com' }).id).not.toBe(site.id);
  });
});
