import type { CourtProfile } from './courtProfiles';
import { formatBytes } from './formatText';
import type { LoadedExhibit } from './loadExhibit';
import type { ExhibitInput, PacketInput } from './PacketInput';
import { PacketError } from './PacketError';
import type { PacketProblem } from './checkPacket';
import { pageOverLimitMessage } from './planExhibitParts';

/**
 * An exhibit against the court's per-file limit, judged on its pages as the export draws them
 * (measureExhibitParts), never on the size of its file: a 2 MB log is shown in 50 pages of a
 * fraction of that, a 0.5 MB PDF of 2,500 pages can make several MB. Under ECF an exhibit too large
 * for one file is filed in parts (info) unless a page alone is over the limit (error); in one PDF
 * (combined layout) an exhibit stays whole in a volume, so one over the limit is an error.
 * Returns the measured bytes too, for the packet's total.
 */
export async function exhibitSizeProblems(input: PacketInput, ex: ExhibitInput, loaded: LoadedExhibit, profile: CourtProfile): Promise<{ problems: PacketProblem[]; bytes: number }> {
  // pdf-lib loads on first use only (see exportCasePacket): most commands never need it.
  const { measureExhibitParts } = await import('./measureExhibitParts');
  let parts;
  try {
    parts = await measureExhibitParts(input, ex, loaded, profile);
  } catch (err) {
    if (!(err instanceof PacketError)) throw err;
    return { problems: [{ severity: 'error', code: err.code, exhibitId: ex.id, message: err.message }], bytes: 0 };
  }
  const bytes = parts.reduce((sum, p) => sum + p.bytes, 0);
  const limit = formatBytes(profile.maxVolumeBytes);
  if ((input.options.layout ?? profile.layout) !== 'ecf') {
    if (parts.length <= 1 && parts.every((p) => p.fits)) return { problems: [], bytes };
    return {
      problems: [{
        severity: 'error',
        code: 'EXHIBIT_OVER_LIMIT',
        exhibitId: ex.id,
        message: `${ex.label} takes about ${formatBytes(bytes)} as the packet reproduces it, more than fits in one file under the ${limit} the ${profile.name} profile allows per file; the volume holding it will be over the limit. Consider filing it natively (outside the packet), or the ECF layout, which files it in parts.`,
      }],
      bytes,
    };
  }
  const problems: PacketProblem[] = parts
    .filter((p) => !p.fits)
    .map((p) => ({ severity: 'error', code: 'EXHIBIT_PAGE_OVER_LIMIT', exhibitId: ex.id, message: pageOverLimitMessage(ex.label, p, 0, profile.maxVolumeBytes, profile.name) }));
  if (parts.length > 1) {
    problems.push({ severity: 'info', code: 'EXHIBIT_FILED_IN_PARTS', exhibitId: ex.id, message: `${ex.label} is larger than the ${limit} per-file limit of ${profile.name}; it will be filed in parts split between pages (${parts.length} as this check measures them; the export measures the files it writes), with its Bates numbers running on.` });
  }
  return { problems, bytes };
}
