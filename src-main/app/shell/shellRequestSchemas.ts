import { z } from 'zod';
import type { ShellMethod } from '../../contract/DossierShell';
import { absolutePath } from '../../contract/requestSchemas';
import { OPEN_PURPOSES, SAVE_PURPOSES } from './dialogPurposes';

const empty = z.object({}).strict();
const fileName = z.string().trim().min(1).max(255).refine((n) => !/[\\/\u0000]/.test(n), 'must be a file name, not a path');
const savePurpose = z.enum(Object.keys(SAVE_PURPOSES) as [keyof typeof SAVE_PURPOSES, ...(keyof typeof SAVE_PURPOSES)[]]);
const openPurpose = z.enum(Object.keys(OPEN_PURPOSES) as [keyof typeof OPEN_PURPOSES, ...(keyof typeof OPEN_PURPOSES)[]]);
const casePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'contains a NUL byte')
  .refine((p) => p.toLowerCase().endsWith('.dossier'), 'must end in .dossier');

/** Every shell request is parsed like a contract request before main acts on it. */
export const shellRequestSchemas = {
  chooseNewCasePath: z.object({ suggestedName: fileName }).strict(),
  chooseCaseToOpen: empty,
  chooseEvidenceFiles: empty,
  chooseExtractPath: z.object({ suggestedName: fileName }).strict(),
  chooseSavePath: z.object({ purpose: savePurpose, suggestedName: fileName }).strict(),
  chooseFileToOpen: z.object({ purpose: openPurpose }).strict(),
  showInFolder: z.object({ path: absolutePath }).strict(),
  recentCases: empty,
  forgetRecentCase: z.object({ path: casePath }).strict(),
  takeLaunchRequest: empty,
  openCaseWindow: z.object({ path: casePath.nullable() }).strict(),
} satisfies Record<ShellMethod, z.ZodType>;
