import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seedCase } from './harness/seedCase';
import { PacketDialog } from './pages/PacketDialog';
import { expect, SCREENSHOTS, test } from './fixtures';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

test('exports a filing packet: options, check, progress, then volumes and Bates ranges', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await seedCase(harness);
  const outDir = path.join(harness.dir, 'filings');
  fs.mkdirSync(outDir);
  // The save dialog's answer without extension: main adds ".pdf" as it does for a typed name.
  harness.answers.savePaths.packet = path.join(outDir, 'storm-packet');
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();

  const packet = new PacketDialog(page);
  await packet.open();
  await packet.field('Bates prefix').fill('STORM-');
  await packet.field('Start').fill('100');
  // The execution date may not precede what the declaration certifies (the seeded imports: today).
  const today = new Date().toISOString().slice(0, 10);
  await packet.field('Execution date').fill(today);
  await packet.field('Order for Appendix A').selectOption({ label: 'Order granting ex parte TRO (1:23-cv-10685)' });
  await packet.field('Declarant name').fill('Dana Whitfield');
  await packet.field('Declarant role').fill('Senior Investigator');
  await packet.field('Place of signing').fill('Redmond, Washington');
  await packet.field('Layout').selectOption('combined');
  await expect(packet.root.getByText('STORM-000100')).toBeVisible();
  await packet.root.getByRole('button', { name: 'Move Audit chain heads up' }).click();

  // Leaving out the declaration: the S.D.N.Y. profile expects it, and the check says so.
  await packet.section('Declaration').uncheck();
  const problems = await packet.check();
  await expect(problems).toContainText('declaration');
  await shot(page, '20-packet-dialog-check');
  await packet.section('Declaration').check();
  await packet.check();

  const done = await packet.export();
  const pdf = path.join(outDir, 'storm-packet.pdf');
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const exhibits = done.getByRole('table', { name: 'Exhibits and Bates ranges' });
  const exhibitCount = (await harness.call('case.summary', {}))!.counts.evidence;
  await expect(exhibits.getByRole('row')).toHaveCount(exhibitCount + 1);
  await expect(exhibits.getByRole('cell', { name: /^STORM-\d{6}( – STORM-\d{6})?$/ }).first()).toBeVisible();
  await expect(done.getByText(/[0-9a-f]{64}/).first()).toBeVisible();
  await expect(done.getByRole('cell', { name: 'storm-packet.pdf' })).toBeVisible();
  await shot(page, '21-packet-exported');

  const exportRequest = harness.requests.find((r) => r.channel === 'packet.export')!.request as { outPath: string; options: Record<string, unknown> };
  expect(exportRequest.outPath).toBe(pdf);
  expect(exportRequest.options).toMatchObject({ batesPrefix: 'STORM-', batesStart: 100, date: today, layout: 'combined', declarant: { name: 'Dana Whitfield', role: 'Senior Investigator', place: 'Redmond, Washington' } });
  const sections = exportRequest.options.sections as string[];
  expect(sections.indexOf('audit')).toBeLessThan(sections.indexOf('custody'));

  await done.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => harness.shownInFolder).toEqual([pdf]);
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(done).toBeHidden();

  // The production is listed; re-exporting it writes the same bytes under another name.
  harness.answers.savePaths.packet = path.join(outDir, 'again');
  await packet.open();
  const productions = packet.root.getByRole('table', { name: 'Productions' });
  await expect(productions.getByRole('row')).toHaveCount(2);
  await productions.getByRole('button', { name: /Re-export STORM-000100/ }).click();
  const again = page.getByRole('dialog', { name: 'Packet exported' });
  await expect(again).toBeVisible({ timeout: 60_000 });
  expect(fs.readFileSync(path.join(outDir, 'again.pdf')).equals(fs.readFileSync(pdf))).toBe(true);
  await shot(page, '22-packet-reexported');
});
