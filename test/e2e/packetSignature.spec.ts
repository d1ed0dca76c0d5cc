import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { encodePng } from '../../src-main/demo/encodePng';
import { seedCase } from './harness/seedCase';
import { PacketDialog } from './pages/PacketDialog';
import { expect, SCREENSHOTS, test } from './fixtures';

/** A 300 x 80 PNG with a dark wave, like a scanned signature. */
function signaturePng(): Buffer {
  const rgb = new Uint8Array(300 * 80 * 3).fill(255);
  for (let x = 8; x < 292; x += 1) {
    const y = Math.round(18 + 44 * Math.abs(Math.sin(x / 22)));
    for (let dy = 0; dy < 4; dy += 1) rgb.set([20, 30, 110], ((y + dy) * 300 + x) * 3);
  }
  return encodePng(300, 80, rgb);
}

test('the packet dialog takes a signature image from the open dialog, refuses a file that is not one, and draws it on the declaration', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await seedCase(harness);
  const outDir = path.join(harness.dir, 'filings');
  fs.mkdirSync(outDir);
  harness.answers.savePaths.packet = path.join(outDir, 'signed');
  const notImage = path.join(harness.dir, 'signature.png');
  fs.writeFileSync(notImage, 'not a picture\n');
  harness.answers.openFiles.signatureImage = notImage;
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: /Storm-1152/, level: 1 })).toBeVisible();

  const packet = new PacketDialog(page);
  await packet.open();
  await packet.field('Execution date').fill(new Date().toISOString().slice(0, 10));
  await packet.field('Declarant name').fill('Dana Whitfield');
  await packet.field('Declarant role').fill('Senior Investigator');
  await packet.field('Place of signing').fill('Redmond, Washington');
  await packet.field('Layout').selectOption('combined');
  const signature = packet.root.getByRole('group', { name: 'Signature image' });
  await expect(signature.getByTestId('signature-image-name')).toHaveText('None: signed with the /s/ line only');

  // A text file named .png: main reads it at the check and names it.
  await signature.getByRole('button', { name: 'Choose…' }).click();
  await expect(signature.getByTestId('signature-image-name')).toHaveText('signature.png');
  await packet.root.getByRole('button', { name: 'Check' }).click();
  await expect(packet.root.getByRole('alert').filter({ hasText: 'signature.png' })).toContainText('is not a PNG or JPEG image');

  const real = path.join(harness.dir, 'dana-signature.png');
  fs.writeFileSync(real, signaturePng());
  harness.answers.openFiles.signatureImage = real;
  await signature.getByRole('button', { name: 'Change…' }).click();
  await expect(signature.getByTestId('signature-image-name')).toHaveText('dana-signature.png');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await signature.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, '23-packet-signature-image.png') });

  await packet.export();
  const exportRequest = harness.requests.find((r) => r.channel === 'packet.export')!.request as { options: Record<string, unknown> };
  expect(exportRequest.options.signatureImage).toBe(real);
  const pdf = path.join(outDir, 'signed.pdf');
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
  const signed = pages.findIndex((p) => p.includes('/s/ Dana Whitfield')) + 1;
  expect(signed).toBeGreaterThan(0);
  const images = execFileSync('pdfimages', ['-list', '-f', String(signed), '-l', String(signed), pdf], { encoding: 'utf8' });
  expect(images).toMatch(/^\s*\d+\s+\d+\s+image\s+300\s+80\s/m);

  // A new dialog starts without one; Remove takes a chosen one back.
  await page.getByRole('dialog', { name: 'Packet exported' }).getByRole('button', { name: 'Done' }).click();
  await packet.open();
  await expect(signature.getByTestId('signature-image-name')).toHaveText('None: signed with the /s/ line only');
  await signature.getByRole('button', { name: 'Choose…' }).click();
  await expect(signature.getByTestId('signature-image-name')).toHaveText('dana-signature.png');
  await signature.getByRole('button', { name: 'Remove' }).click();
  await expect(signature.getByTestId('signature-image-name')).toHaveText('None: signed with the /s/ line only');
});
