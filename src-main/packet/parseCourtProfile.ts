import { courtProfileSchema } from '../contract/courtProfileSchema';
import { DossierError } from '../contract/errors';

/**
 * A user's court profile, checked: the first problems named by field ("maxMb must be ...") so the
 * user can fix the file. `source` names where it came from in the message (a file path).
 */
export function parseCourtProfile(value: unknown, source: string): ReturnType<typeof courtProfileSchema.parse> {
  const parsed = courtProfileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'the profile'} ${i.message}`);
  throw new DossierError('INVALID_REQUEST', `${source} is not a valid court profile: ${problems.join('; ')}. Fields: name, description, pageSize (letter|a4), maxMb, requiredSections, pdfA, filing, layout (combined|ecf), exhibitLabels (numeric|alpha), bodyFontSize (10-14), lineSpacing (1-2.5), marginsInches (0.25-2, one number or {top,right,bottom,left}), headerZoneInches (0-1.5).`);
}

/** Reads a profile from JSON text (a file's contents). */
export function parseCourtProfileJson(text: string, source: string): ReturnType<typeof courtProfileSchema.parse> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DossierError('INVALID_REQUEST', `${source} is not JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return parseCourtProfile(value, source);
}
