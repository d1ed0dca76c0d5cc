import { seedCase } from './harness/seedCase';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

test('global search finds every kind of item and opens it', async ({ page, harness }) => {
  await seedCase(harness);
  await page.goto('/index.html');
  const app = new CasePage(page);
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();

  const cases: [string, RegExp, string][] = [
    ['hotmailbox', /hotmailbox\.me/, 'Websites'],
    ['Castel', /Order granting ex parte TRO/, 'Court orders'],
    ['Whitfield', /Dana Whitfield/, 'Stakeholders'],
    ['wallets', /Payment trail via crypto exchange/, 'Notes'],
  ];
  for (const [query, hit, view] of cases) {
    const palette = await app.openPalette();
    await palette.getByRole('combobox').fill(query);
    const option = palette.getByRole('option').filter({ hasText: hit }).first();
    await expect(option).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page.getByRole('heading', { name: view, level: 1 })).toBeVisible();
    await expect(app.detail.getByRole('heading', { level: 2 }).first()).toHaveText(hit);
  }

  // A query that is FTS syntax elsewhere is just text here.
  const palette = await app.openPalette();
  await palette.getByRole('combobox').fill('body:abc "unbalanced');
  await expect(palette.getByText(/Nothing found/)).toBeVisible();
});

test('the timeline lists dated items oldest first', async ({ page, harness }) => {
  await seedCase(harness);
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Timeline');
  const rows = app.grid.getByRole('row');
  await expect(rows.filter({ hasText: 'Order expires' }).last()).toBeVisible();
  const texts = await rows.allInnerTexts();
  const events = texts.map((t) => t.replace(/\s+/g, ' '));
  const indexOf = (what: string) => events.findIndex((e) => e.includes(what));
  const sequence = ['First seen', 'Order filed', 'Order granted', 'Order served', 'Order expires'].map((w) => indexOf(w));
  expect(sequence.every((i) => i >= 0), events.join('\n')).toBe(true);
  expect([...sequence].sort((a, b) => a - b)).toEqual(sequence);
  // Dates never go backwards.
  const dates = events.map((e) => Date.parse(e.match(/^\d{2} \w{3} \d{4}/)?.[0] ?? '')).filter((d) => !Number.isNaN(d));
  expect(dates.length).toBeGreaterThan(8);
  for (let i = 1; i < dates.length; i++) expect(dates[i]!).toBeGreaterThanOrEqual(dates[i - 1]!);

  // Clicking an entry opens its item.
  await rows.filter({ hasText: 'Order granted' }).first().click();
  await expect(page.getByRole('heading', { name: 'Court orders', level: 1 })).toBeVisible();
  await expect(app.detail.getByRole('heading', { name: 'Order granting ex parte TRO' })).toBeVisible();
});
