import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPacketFonts } from '../../../src-main/fonts/packetFonts';
import { layoutAuditHeads } from '../../../src-main/packet/layoutAuditHeads';
import { LayoutFlow } from '../../../src-main/packet/LayoutFlow';
import type { SectionContext } from '../../../src-main/packet/SectionContext';

const { metrics } = loadPacketFonts();
const heads = ['Ada Investigator', 'Device 7f3a (laptop of the analyst with a long name)'].map((author, i) => ({
  author,
  seq: 10 + i,
  hash: createHash('sha256').update(author).digest('hex'),
}));

/** The audit page laid out on a US Letter page with these left and right margins (points). */
function auditPage(margin: number): { flow: LayoutFlow; mono: { text: string; x: number; size: number }[] } {
  const flow = new LayoutFlow({ width: 612, height: 792, marginTop: 72, marginBottom: 72, marginLeft: margin, marginRight: margin }, metrics);
  const ctx = { input: { auditHeads: heads, caseFileSha256: 'a'.repeat(64) }, exportDate: '2026-01-01T00:00:00.000Z' } as unknown as SectionContext;
  layoutAuditHeads(flow, ctx);
  const ops = flow.pages.flatMap((p) => p.ops);
  const mono = ops.flatMap((op) => (op.kind === 'text' && op.font === 'mono' && op.size < 8 ? [{ text: op.text, x: op.x, size: op.size }] : []));
  return { flow, mono };
}

describe('the audit chain heads on a packet page', () => {
  // 1 in margins (every bundled profile), then margins wide enough to need a smaller size, then
  // so wide that even the smallest size cannot hold 64 digits on a line.
  it.each([72, 120, 180])('never breaks a head unmarked, and keeps it inside the page (margins %i pt)', (margin) => {
    const { flow, mono } = auditPage(margin);
    for (const { text, x, size } of mono) expect(x + flow.width(text, 'mono', size)).toBeLessThanOrEqual(flow.right + 0.01);
    const lines = mono.map((m) => m.text);
    for (const head of heads) {
      const whole = lines.includes(head.hash);
      const halves = lines.includes(`${head.hash.slice(0, 32)}…`) && lines.includes(`…${head.hash.slice(32)}`);
      expect(whole || halves).toBe(true);
    }
    // No line holds a bare piece of a head: every mono line is a whole head or a marked half.
    for (const line of lines) expect(line).toMatch(/^([0-9a-f]{64}|[0-9a-f]{32}…|…[0-9a-f]{32})$/);
    if (margin === 72) expect(lines).toEqual(heads.map((h) => h.hash));
  });
});
