import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import type { MergeReport } from '../contract/MergeReport';
import { mergeCaseFile } from './mergeCaseFile';
import { ASK_SENDER } from '../audit/recordsAlteredError';
import { openVerifiedShare, type ReceiveKeys } from '../share/openVerifiedShare';
import { recordShareReceived, shareAlreadyReceived } from '../share/shareCustody';
import type { ShareRunOptions } from '../share/shareProgress';
import { throwIfAborted } from '../share/ShareError';
import { teamRosterOf } from '../share/teamRosterService';

/**
 * Brings a teammate's share of this case into this case file: decrypts and verifies it beside the
 * case file (the sender must be in THIS case's roster, or accepted by fingerprint; the share must
 * be of this case: SHARE_WRONG_CASE), merges it (mergeCaseFile: nothing either side wrote is
 * lost), records the receipt in custody and audit, and deletes the temporary copy. The merge and
 * the receipt are one transaction. Merging the same share again changes nothing and records nothing.
 */
export async function mergeShare(
  caseFile: CaseFile,
  sharePath: string,
  keys: ReceiveKeys,
  options: ShareRunOptions = {},
): Promise<MergeReport> {
  const caseId = prepareCached(caseFile.db, 'SELECT id FROM case_info ORDER BY created_at LIMIT 1').pluck().get() as string;
  const roster = teamRosterOf(caseFile);
  // Beside the case file: that disk has room for the case, where /tmp may not.
  const workDir = await mkdtemp(path.join(path.dirname(caseFile.path), `.${path.basename(caseFile.path)}.merging-`));
  try {
    const verified = await openVerifiedShare(sharePath, keys, { roster, caseId }, path.join(workDir, 'share'), options);
    throwIfAborted(options.signal);
    const report = writeTransaction(caseFile, () => {
      const merged = mergeCaseFile(caseFile, verified.opened.snapshotPath, { shownAs: `The case file in share ${path.basename(sharePath)}`, whatNow: ASK_SENDER });
      if (!shareAlreadyReceived(caseFile, verified.origin.manifestSha256)) {
        recordShareReceived(caseFile, {
          exhibits: verified.exhibitBytes,
          origin: verified.origin,
          receiver: keys.identity?.publicIdentity ?? null,
          fileName: path.basename(sharePath),
        });
      }
      return merged;
    });
    return { ...report, otherPath: path.resolve(sharePath), share: verified.origin };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
