import { z } from 'zod';

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
    /** Per-file upload limit in MB (1 MB = 1,048,576 bytes). */
    maxMb: z.number().int().min(1).max(2048),
    requiredSections: z.array(z.enum(['cover', 'toc', 'declaration', 'index', 'appendix', 'orders', 'custody', 'audit', 'exhibits'])).max(9).default([]),
    pdfA: z.enum(['required', 'preferred']).default('preferred'),
    /** A filing profile: the declaration must name its declarant's title and place. */
    filing: z.boolean().default(false),
    layout: z.enum(['combined', 'ecf']).default('combined'),
    exhibitLabels: z.enum(['numeric', 'alpha']).default('numeric'),
    /** The declaration's body text in points, and its line spacing (1 single, 2 double). */
    bodyFontSize: z.number().min(10).max(14).optional(),
    lineSpacing: z.number().min(1).max(2.5).optional(),
  })
  .strict();

export type CourtProfileFile = z.input<typeof courtProfileSchema>;
