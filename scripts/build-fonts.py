#!/usr/bin/python3
"""Builds the bundled fallback fonts in resources/fonts from Debian's Noto packages.

Run: apt-get install fonts-noto-core fonts-noto-cjk python3-fonttools; /usr/bin/python3 scripts/build-fonts.py
The output is committed; this script documents (and repeats) how it was made.

Why subsets: the complete Noto CJK collection is ~50 MB. The CJK font keeps the ideographs of the
national character sets (GB 2312, Big5 level 1, JIS X 0208, KS X 1001) plus kana, Hangul syllables of
KS X 1001 and CJK punctuation; anything else is drawn as a visible box with its code point.
The CJK source is CFF (PostScript outlines); it is converted to TrueType outlines because pdf-lib's
fontkit subsetter writes TrueType subsets reliably and CFF subsets not at all.
"""
import os
import sys
from fontTools import subset
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

NOTO = '/usr/share/fonts/truetype/noto'
CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'fonts')


def options():
    o = subset.Options()
    o.layout_features = ['*']
    o.hinting = False
    o.name_IDs = ['*']
    o.name_languages = ['*']
    o.notdef_outline = True
    o.glyph_names = False
    o.drop_tables += ['DSIG']
    return o


def subset_font(font, unicodes):
    s = subset.Subsetter(options())
    s.populate(unicodes=unicodes)
    s.subset(font)
    pad_glyphs(font)
    return font


def pad_glyphs(font):
    # fontkit's subsetter (used by pdf-lib) copies glyph data as is and may write a short 'loca'
    # (offsets / 2): every glyph must then be of even length, or all glyphs after an odd one are
    # misplaced and draw as nothing. fontTools writes unpadded glyphs once hinting is dropped.
    if 'glyf' in font:
        font['glyf'].padding = 4


def ranges(*pairs):
    out = set()
    for a, b in pairs:
        out.update(range(a, b + 1))
    return out


def national_sets():
    """Code points of GB 2312, Big5, Shift-JIS (JIS X 0208) and EUC-KR, decoded by Python's codecs."""
    cps = set()
    for codec, lead, trail in [
        ('gb2312', range(0xA1, 0xF8), range(0xA1, 0xFF)),
        ('big5', range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))),
        ('shift_jis', list(range(0x81, 0xA0)) + list(range(0xE0, 0xF0)), range(0x40, 0xFD)),
        ('euc_kr', range(0xA1, 0xFF), range(0xA1, 0xFF)),
    ]:
        for a in lead:
            for b in trail:
                try:
                    ch = bytes([a, b]).decode(codec)
                except UnicodeDecodeError:
                    continue
                cps.update(ord(c) for c in ch)
    return cps


def cff_to_truetype(font):
    """Replaces CFF outlines by quadratic TrueType glyf outlines (max error 1 unit)."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font['glyf'] = glyf
    pad_glyphs(font)
    font['loca'] = newTable('loca')
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    maxp = font['maxp']
    maxp.tableVersion = 0x00010000
    for attr in ['maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                 'maxStackElements', 'maxSizeOfInstructions']:
        setattr(maxp, attr, 0 if attr != 'maxZones' else 1)
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0
    maxp.maxPoints = maxp.maxContours = maxp.maxCompositePoints = maxp.maxCompositeContours = 0
    font['head'].indexToLocFormat = 1
    font['head'].glyphDataFormat = 0
    post = font['post']
    post.formatType = 3.0
    font.sfntVersion = '\x00\x01\x00\x00'
    font.recalcBBoxes = True
    return font


def main():
    os.makedirs(OUT, exist_ok=True)
    latin = ranges((0x20, 0x7E), (0xA0, 0x24F), (0x250, 0x2FF), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x52F),
                   (0x1AB0, 0x1AFF), (0x1D00, 0x1DBF), (0x1DC0, 0x1DFF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF),
                   (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF),
                   (0x2200, 0x22FF), (0x2C60, 0x2C7F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F), (0xA720, 0xA7FF),
                   (0xFB00, 0xFB06), (0xFE20, 0xFE2F), (0xFFFC, 0xFFFD))
    jobs = [
        ('NotoSans-Regular.ttf', f'{NOTO}/NotoSans-Regular.ttf', latin),
        ('NotoSans-Bold.ttf', f'{NOTO}/NotoSans-Bold.ttf', latin),
        ('NotoSansArabic-Regular.ttf', f'{NOTO}/NotoSansArabic-Regular.ttf', None),
        ('NotoSansHebrew-Regular.ttf', f'{NOTO}/NotoSansHebrew-Regular.ttf', None),
        ('NotoSansThai-Regular.ttf', f'{NOTO}/NotoSansThai-Regular.ttf', None),
        ('NotoSansDevanagari-Regular.ttf', f'{NOTO}/NotoSansDevanagari-Regular.ttf', None),
    ]
    for name, src, unicodes in ([] if '--substitutes-only' in sys.argv else jobs):
        font = TTFont(src)
        if unicodes is None:
            unicodes = set(font.getBestCmap().keys())
        subset_font(font, unicodes)
        font.save(os.path.join(OUT, name))
        print(name, os.path.getsize(os.path.join(OUT, name)))

    # Metric-compatible stand-ins for the PDF standard fonts (Helvetica, Times, Courier) that exhibit
    # PDFs use without embedding them, cut to the Windows-1252 repertoire those fonts are used with.
    win_ansi = {ord(bytes([b]).decode('cp1252')) for b in range(0x20, 0x100) if b not in (0x81, 0x8d, 0x8f, 0x90, 0x9d)}
    os.makedirs(os.path.join(OUT, 'substitutes'), exist_ok=True)
    for family in ['Sans', 'Serif', 'Mono']:
        for style in ['Regular', 'Bold', 'Italic', 'BoldItalic']:
            name = f'Liberation{family}-{style}.ttf'
            font = TTFont(f'/usr/share/fonts/truetype/liberation/{name}')
            subset_font(font, win_ansi)
            font.save(os.path.join(OUT, 'substitutes', name))
            print('substitutes/' + name, os.path.getsize(os.path.join(OUT, 'substitutes', name)))

    if '--substitutes-only' in sys.argv:
        return
    cjk = ranges((0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x3100, 0x312F), (0x3190, 0x31FF),
                 (0xFF00, 0xFFEF), (0x3200, 0x32FF)) | national_sets()
    cjk = {c for c in cjk if c >= 0x2E80 or 0x1100 <= c <= 0x11FF}
    font = TTFont(CJK, fontNumber=2)  # 2 = Noto Sans CJK SC in Debian's collection (checked below)
    family = font['name'].getDebugName(4)
    if 'SC' not in family:
        sys.exit(f'unexpected face in the collection: {family}')
    subset_font(font, cjk)
    cff_to_truetype(font)
    path = os.path.join(OUT, 'NotoSansCJKsc-Regular.ttf')
    font.save(path)
    print('NotoSansCJKsc-Regular.ttf', os.path.getsize(path), family)


if __name__ == '__main__':
    main()
