import fs from 'node:fs';
import path from 'node:path';
import { CasePage } from './pages/CasePage';
import { expect, test } from './fixtures';

/**
 * Invoice fraud: the text body says one thing, the HTML part (what the recipient's mail client
 * displayed) another. The app's preview shows both, as the packet does, the HTML part as inert
 * text; a message whose two parts say the same is shown once.
 */
function mail(text: string, html: string): string {
  return [
    'From: billing@vendor.example',
    'To: ap@victim.example',
    'Subject: Invoice 4411',
    'Date: Thu, 07 Dec 2023 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '--B',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    '--B--',
    '',
  ].join('\r\n');
}

test('an e-mail whose HTML part differs from its text body shows both, the HTML part as text', async ({ page, harness }) => {
  await harness.call('case.create', { path: harness.casePath(), case: { title: 'Invoice fraud' } });
  const differ = path.join(harness.dir, 'differ.eml');
  fs.writeFileSync(differ, mail('Pay $100 to account 1111.', '<p>Pay <b>$9,000</b> to account <script>alert(1)</script>2222.</p>'));
  const same = path.join(harness.dir, 'same.eml');
  fs.writeFileSync(same, mail('Pay $100 to account 1111.', '<p>Pay $100 to account 1111.</p>'));
  await harness.call('evidence.import', { paths: [differ, same] });

  await page.goto('/index.html');
  const app = new CasePage(page);
  await app.open('Evidence');
  await app.row('differ.eml').click();
  await expect(app.detail.getByRole('note')).toContainText('most mail clients display the HTML part');
  await expect(app.detail.getByLabel('HTML part, as text')).toContainText('Pay $9,000 to account');
  await expect(app.detail.getByLabel('Text body')).toContainText('Pay $100 to account 1111.');
  // Inert: no element of the message reaches the page.
  expect(await app.detail.locator('script, b').count()).toBe(0);
  await page.screenshot({ path: path.join('test-results', 'email-html-alternative.png') });

  await app.row('same.eml').click();
  await expect(app.detail).toContainText('shown once, as text');
  await expect(app.detail.getByLabel('HTML part, as text')).toHaveCount(0);
});
