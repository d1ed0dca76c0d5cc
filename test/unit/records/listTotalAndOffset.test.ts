import { describe, expect, it } from 'vitest';
import { writeTransaction } from '../../../src-main/casefile/writeTransaction';
import { listItems as listAnyItems } from '../../../src-main/items/itemOperations';
import type { Page } from '../../../src-main/contract/records';
import type { Website } from '../../../src-main/contract/records';

const listItems = (...args: Parameters<typeof listAnyItems>) => listAnyItems(...args) as Page<Website>;
import { addWebsite } from '../../../src-main/websites/websiteService';
import { newTestCase } from '../../helpers/testCase';

describe('list totals and offsets for huge lists', () => {
  it('counts every matching row and jumps to any offset in the same order the cursors walk', () => {
    const cf = newTestCase();
    writeTransaction(cf, () => {
      for (let i = 0; i < 120; i++) addWebsite(cf, { input: `site${String(i).padStart(3, '0')}.example.com` });
      addWebsite(cf, { input: 'other.test' });
    });
    const first = listItems(cf, 'website', { sort: 'host', limit: 50, withTotal: true });
    expect(first.total).toBe(121);
    // Walk by cursor, then compare with an offset jump to row 100.
    const second = listItems(cf, 'website', { sort: 'host', limit: 50, after: first.next });
    const third = listItems(cf, 'website', { sort: 'host', limit: 50, after: second.next });
    const jumped = listItems(cf, 'website', { sort: 'host', limit: 50, offset: 100 });
    expect(jumped.items.map((w) => w.host_ascii)).toEqual(third.items.map((w) => w.host_ascii));
    expect(jumped.items).toHaveLength(21);
    expect(jumped.next).toBeNull();
    // The filter narrows the total; the cursor never does.
    const filtered = listItems(cf, 'website', { sort: 'host', limit: 10, filter: 'site', withTotal: true });
    expect(filtered.total).toBe(120);
    const later = listItems(cf, 'website', { sort: 'host', limit: 10, filter: 'site', after: filtered.next, withTotal: true });
    expect(later.total).toBe(120);
    // The last page of a descending list is the first of an ascending one.
    const end = listItems(cf, 'website', { sort: 'host', direction: 'desc', limit: 1 });
    expect(end.items[0]!.host_ascii).toBe('site119.example.com');
  });
});
