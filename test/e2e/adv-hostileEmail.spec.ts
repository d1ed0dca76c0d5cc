import fs from 'node:fs';
import path from 'node:path';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/*
 * Adversarial reproduction (expected to FAIL until fixed). A seized phishing e-mail names its
 * attachment "invoice\u202Efdp.exe" (MIME encoded word) and its subject carries the same override.
 * The app spells out and flags exactly this for an evidence file's own name (hostileNames.spec.ts),
 * but the e-mail preview's attachment table and header fields render the override live: the
 * investigator reads "invoiceexe.pdf", a PDF, where the exhibit holds an .exe. Expected: spelled
 * out (\u202e) and flagged as for evidence names.
 */
function mimeWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function phishingMail(): string {
  const name = mimeWord('invoice\u202Efdp.exe');
  return [
    'From: "Microsoft Billing" <billing@micros0ft.example>',
    'To: victim@example.org',
    `Subject: ${mimeWord('Your invoice \u202Efdp.exe')}`,
    'Date: Thu, 07 Dec 2023 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please see attached.',
    '--B',
    `Content-Type: application/octet-stream; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    'TVo=',
    '--B--',
    '',
  ].join('\r\n');
}

test('an e-mail exhibit\'s attachment name and subject with bidi overrides are shown spelled out', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Phishing mail' } });
  const file = path.join(harness.dir, 'mail.eml');
  fs.writeFileSync(file, phishingMail());
  await harness.call('evidence.import', { paths: [file] });

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');
  await app.row('mail.eml').click();
  const attachments = app.detail.getByRole('table', { name: 'Attachments' });
  await expect(attachments).toBeVisible();
  await attachments.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join('test-results', 'adv-hostile-email.png') });
  expect.soft((await attachments.textContent()) ?? '', 'attachment name shown with a live U+202E').not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  const headers = (await app.detail.getByLabel('E-mail').locator('dl').textContent()) ?? '';
  expect(headers, 'subject shown with a live U+202E').not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
});
