import { describe, expect, it } from 'vitest';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { previewEvidence } from '../../../src-main/evidence/previewEvidence';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';
import { tinyPng, writeBulkFile, writeFile } from './evidenceFiles';

describe('previewEvidence', () => {
  it('shows text as text, HTML as its source, and caps both', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const html = '<html><body><script>alert(1)</script><p>Shop</p></body></html>';
    const { items } = await importEvidence(cf, [writeFile(dir, 'page.html', html), writeFile(dir, 'notes.txt', 'é'.repeat(1000))]);
    const page = previewEvidence(cf, items[0]!.evidence.id);
    expect(page).toEqual({ media_type: 'text/html', text: html, image_data_url: null, truncated: false });
    // 2000 bytes of two-byte characters, capped at 101 bytes: 50 whole characters, no broken one.
    const capped = previewEvidence(cf, items[1]!.evidence.id, 101);
    expect(capped).toMatchObject({ text: 'é'.repeat(50), truncated: true, image_data_url: null });
  });

  it('inlines small raster images as data URLs and nothing for binary data', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const { items } = await importEvidence(cf, [writeFile(dir, 'shot.png', tinyPng()), writeBulkFile(dir, 'blob.bin', 1000, 3)]);
    const image = previewEvidence(cf, items[0]!.evidence.id);
    expect(image.text).toBeNull();
    expect(image.image_data_url).toBe(`data:image/png;base64,${tinyPng().toString('base64')}`);
    expect(previewEvidence(cf, items[1]!.evidence.id)).toEqual({
      media_type: 'application/octet-stream', text: null, image_data_url: null, truncated: false,
    });
  });

  it('never inlines SVG (it can carry script): it is shown as text', async () => {
    const cf = newTestCase();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const { items } = await importEvidence(cf, [writeFile(tempDir(), 'logo.svg', svg)]);
    expect(previewEvidence(cf, items[0]!.evidence.id)).toMatchObject({ media_type: 'image/svg+xml', text: svg, image_data_url: null });
  });
});
