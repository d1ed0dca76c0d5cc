import { z } from 'zod';

/**
 * What a profile's margins and header zone must keep: each margin 0.25-2 in, the header zone
 * 0-1.5 in, and a text area at least 6 in wide (the room the exhibit index table's columns need;
 * in height, these ranges always leave 7 in or more). src-main/packet/pageLayout.ts applies them.
 */
export const PAGE_LAYOUT_LIMITS = { marginMin: 0.25, marginMax: 2, headerZoneMax: 1.5, contentWidthMin: 6 } as const;

/** Paper widths in inches (src-main/packet/courtProfiles.ts PAGE_SIZES in points). */
const PAGE_WIDTH_INCHES = { letter: 8.5, a4: 595.28 / 72 } as const;

function round(inches: number): number {
  return Math.round(inches * 100) / 100;
}

/**
 * A court profile a user writes as a JSON file (`packet --profile-file court.json`): what the
 * court's e-filing system accepts. Checked field by field; unknown fields are refused so a typo
 * does not silently fall back to a default. Mirrors src-main/packet/courtProfiles.ts CourtProfile:
 * change both together.
 */
export const courtProfileSchema = z
  .object({
    name: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'must be lowercase letters, digits and "-" (up to 50)'),
    description: z.string().trim().min(1, 'is empty').max(300),
    pageSize: z.enum(['letter', 'a4']),
    /** Per-file upload limit in MB (1 MB = 1,048,576 bytes); fractions allowed ("0.5"). */
    maxMb: z.number().min(0.25).max(2048),
    requiredSections: z.array(z.enum(['cover', 'toc', 'declaration', 'index', 'appendix', 'orders', 'custody', 'audit', 'exhibits'])).max(9).default([]),
    pdfA: z.enum(['required', 'preferred']).default('preferred'),
    /** A filing profile: the declaration must name its declarant's title and place. */
    filing: z.boolean().default(false),
    layout: z.enum(['combined', 'ecf']).default('combined'),
    exhibitLabels: z.enum(['numeric', 'alpha']).default('numeric'),
    /** The declaration's body text in points, and its line spacing (1 single, 2 double). */
    bodyFontSize: z.number().min(10).max(14).optional(),
    lineSpacing: z.number().min(1).max(2.5).optional(),
    /** Margins of the pages the packet writes, in inches: one number for all four sides, or each side. */
    marginsInches: z.union([z.number(), z.object({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() }).strict()], { error: 'must be a number of inches, or { top, right, bottom, left } in inches' }).optional(),
    /** The band at the top of every page left blank for the court's e-filing stamp, in inches. */
    headerZoneInches: z.number({ error: 'must be a number of inches' }).optional(),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const { marginMin, marginMax, headerZoneMax, contentWidthMin } = PAGE_LAYOUT_LIMITS;
    const m = profile.marginsInches ?? 1;
    const sides = typeof m === 'number' ? { top: m, right: m, bottom: m, left: m } : m;
    let inRange = true;
    // One number sets every side: check (and report) it once.
    for (const [side, value] of Object.entries(typeof m === 'number' ? { all: m } : sides)) {
      if (value < marginMin || value > marginMax) {
        inRange = false;
        ctx.addIssue({ code: 'custom', path: typeof m === 'number' ? ['marginsInches'] : ['marginsInches', side], message: `must be between ${marginMin} and ${marginMax} inches (is ${value})` });
      }
    }
    const zone = profile.headerZoneInches ?? 0.5;
    if (zone < 0 || zone > headerZoneMax) {
      inRange = false;
      ctx.addIssue({ code: 'custom', path: ['headerZoneInches'], message: `must be between 0 and ${headerZoneMax} inches (is ${zone})` });
    }
    if (!inRange) return;
    // The exhibit index table needs this much room; less would squeeze its title column to nothing.
    const pageW = PAGE_WIDTH_INCHES[profile.pageSize];
    const width = pageW - sides.left - sides.right;
    if (width < contentWidthMin) {
      ctx.addIssue({ code: 'custom', path: ['marginsInches'], message: `leave a text area ${round(width)} inches wide on ${profile.pageSize} paper; at least ${contentWidthMin} inches is needed (left + right at most ${round(pageW - contentWidthMin)})` });
    }
  });

export type CourtProfileFile = z.input<typeof courtProfileSchema>;
/** A profile file as checked (defaults filled in). */
export type CourtProfileFileParsed = z.output<typeof courtProfileSchema>;
