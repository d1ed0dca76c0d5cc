import { describe, expect, it } from 'vitest';
import { pageTextMarkingHidden } from '../../../src-main/captures/pageText';

const shown = (html: string) => pageTextMarkingHidden(Buffer.from(html), 'text/html; charset=utf-8');
const H = "[hidden by the page's markup]";

describe('pageTextMarkingHidden', () => {
  it('labels each line the markup hides, and nothing else', () => {
    const page = shown('<body><h1>Shop</h1><div style="display: none !important"><p>stuffed</p><p>keywords</p></div><p>Price</p></body>');
    expect(page.text).toBe(`Shop\n${H} stuffed\n${H} keywords\nPrice`);
    expect(page.hiddenLines).toBe(2);
  });

  it('follows the rules a browser applies', () => {
    // An inline display overrides the hidden attribute; a child may make itself visible again.
    expect(shown('<p hidden style="display:block">shown</p>').text).toBe('shown');
    expect(shown('<div style="visibility:hidden">gone<span style="visibility:visible">back</span></div>').text).toBe(`${H} gone\nback`);
    // An unclosed hidden <p> ends where the next block starts, as parsers close it.
    expect(shown('<p hidden>secret<div>seen</div>').text).toBe(`${H} secret\nseen`);
    expect(shown('<ul><li hidden>a<li>b</ul>').text).toBe(`${H} a\nb`);
    // Words that only mention hiding hide nothing.
    expect(shown('<p title="hidden" data-x="display:none">plain</p>').text).toBe('plain');
  });

  it('stays linear on hostile markup', () => {
    expect(shown(`${'<div hidden>'.repeat(50000)}x${'</span>'.repeat(50000)}`).hiddenLines).toBe(1);
  });
});
