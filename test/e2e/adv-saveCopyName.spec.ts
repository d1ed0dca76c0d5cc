import fs from 'node:fs';
import path from 'node:path';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * Adversarial reproduction (expected to FAIL until fixed). An exhibit named "invoice\u202Efdp.exe"
 * is flagged on import and spelled out in the app (hostileNames.spec.ts), but "Save a copy…"
 * offers its original name, override included, as the name to save under: the save dialog and
 * then the file manager show "invoiceexe.pdf" for a Windows executable, and the investigator who
 * opens "the PDF" runs it. Expected: the suggested name carries no bidi or control character
 * (spelled out or removed), so the saved copy shows its real extension.
 */
test('"Save a copy…" never suggests a file name with a live bidi override', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Save copy name' } });
  const file = path.join(harness.dir, 'invoice\u202Efdp.exe');
  fs.writeFileSync(file, 'MZ');
  await harness.call('evidence.import', { paths: [file] });
  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');
  await app.row('invoice\\u202efdp.exe').click();
  await app.detail.getByRole('button', { name: /Save a copy/ }).click();
  await expect.poll(() => harness.requests.filter((r) => r.channel.includes('chooseExtractPath')).length).toBe(1);
  const asked = harness.requests.find((r) => r.channel.includes('chooseExtractPath'))!.request as { suggestedName: string };
  expect(asked.suggestedName, 'the save dialog is offered the live override').not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
});
