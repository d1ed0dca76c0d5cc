import { describe, expect, it } from 'vitest';
import { writeTransaction } from '../../../src-main/casefile/writeTransaction';
import { listItems } from '../../../src-main/items/itemOperations';
import { noteService } from '../../../src-main/notes/noteService';
import { addWebsite, setWebsiteStatus } from '../../../src-main/websites/websiteService';
import type { Website } from '../../../src-main/contract/records';
import { newTestCase } from '../../helpers/testCase';

function allPages<T>(fetch: (after: string | null) => { items: T[]; next: string | null }): T[][] {
  const pages: T[][] = [];
  let after: string | null = null;
  do {
    const page = fetch(after);
    pages.push(page.items);
    after = page.next;
  } while (after);
  return pages;
}

describe('keyset paging', () => {
  it('walks every item once, in order, in either direction, with filters', () => {
    const cf = newTestCase();
    const hosts = Array.from({ length: 57 }, (_, i) => `site${String(i).padStart(3, '0')}.example.com`);
    writeTransaction(cf, () => {
      for (const [i, host] of hosts.entries()) {
        const site = addWebsite(cf, { input: host });
        if (i % 3 === 0) setWebsiteStatus(cf, site.id, 'named_in_order');
      }
    });
    const pages = allPages((after) => listItems(cf, 'website', { sort: 'host', limit: 10, after }));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 10, 7]);
    expect(pages.flat().map((s) => (s as Website).host_ascii)).toEqual(hosts);
    const backwards = allPages((after) => listItems(cf, 'website', { sort: 'host', direction: 'desc', limit: 25, after })).flat();
    expect(backwards.map((s) => (s as Website).host_ascii)).toEqual([...hosts].reverse());
    const named = allPages((after) => listItems(cf, 'website', { status: 'named_in_order', limit: 4, after })).flat();
    expect(named.map((s) => (s as Website).host_ascii)).toEqual(hosts.filter((_, i) => i % 3 === 0));
    expect(listItems(cf, 'website', { filter: 'site05' }).items.map((s) => (s as Website).host_ascii)).toEqual(hosts.slice(50, 57));
    expect(listItems(cf, 'website', { filter: 'si' }).items).toHaveLength(57);
  });

  it('treats % and _ in a filter literally', () => {
    const cf = newTestCase();
    noteService.create(cf, { title: '100% done', body: '' });
    noteService.create(cf, { title: '100 done', body: '' });
    noteService.create(cf, { title: 'snake_case', body: '' });
    noteService.create(cf, { title: 'snakeXcase', body: '' });
    expect(listItems(cf, 'note', { filter: '100%' }).items.map((n) => (n as { title: string }).title)).toEqual(['100% done']);
    expect(listItems(cf, 'note', { filter: 'e_c' }).items.map((n) => (n as { title: string }).title)).toEqual(['snake_case']);
  });

  it('rejects an unknown sort key and a forged cursor with clear errors', () => {
    const cf = newTestCase();
    expect(() => listItems(cf, 'note', { sort: 'title; DROP TABLE note' })).toThrow(/Cannot sort note by/);
    expect(() => listItems(cf, 'note', { after: 'garbage!!' })).toThrow(/cursor is not valid/);
  });
});
