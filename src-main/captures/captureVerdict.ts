import type { CaseFile } from '../casefile/CaseFile';
import type { EvidenceVerification } from '../contract/DossierApi';
import { verifyCaptureRecords } from './verifyCaptureRecords';

/**
 * An exhibit's verification result with its capture records re-checked: when the file as a whole
 * verified but a record or page fails (its declared WARC digest does not match, it no longer reads
 * as at import, or its kept fields differ from the archive), or a WACZ file does not match its
 * datapackage.json, the result fails and names each failing record with its URL and offset, each
 * failing page with its id, URL and fields, and each failing file.
 */
export async function captureVerdict<V extends Omit<EvidenceVerification, 'custody_recorded'>>(caseFile: CaseFile, evidenceId: string, result: V, signal?: AbortSignal): Promise<V> {
  if (!result.ok) return result;
  const hasCapture = caseFile.db.prepare('SELECT 1 FROM capture WHERE evidence_id = ? LIMIT 1').get(evidenceId);
  if (!hasCapture) return result;
  const { records, failed, failedFiles } = await verifyCaptureRecords(caseFile, evidenceId, signal);
  if (failed.length === 0 && failedFiles.length === 0) return { ...result, message: `${result.message} All ${records} capture records verified, and the pages read from them.` };
  if (failed.length === 0) {
    return {
      ...result,
      ok: false,
      message: `${result.exhibit_label}: the file matches its import hashes and its ${records} capture records verified, but ${failedFiles.length} file(s) in it FAILED against the capture tool's datapackage.json: ${failedFiles.map((f) => f.reason).join(' ')}`,
    };
  }
  const pagesFailed = failed.filter((f) => f.page_id !== undefined).length;
  const recordsFailed = failed.length - pagesFailed;
  const named = failed
    .slice(0, 20)
    .map((f) => `${f.page_id === undefined ? `record ${f.record_id}` : f.page_id === null ? 'a captured page' : `captured page ${f.page_id}`}${f.target_uri ? ` (${f.target_uri})` : ''}${f.offset !== null ? ` at offset ${f.offset}` : ''}: ${f.reason}`);
  return {
    ...result,
    ok: false,
    message:
      `${result.exhibit_label}: the file matches its import hashes, but ${[recordsFailed > 0 ? `${recordsFailed} of ${records} capture record(s)` : '', pagesFailed > 0 ? `${pagesFailed} captured page(s)` : ''].filter(Boolean).join(' and ')} FAILED verification: ${named.join('; ')}` +
      `${failed.length > 20 ? `; and ${failed.length - 20} more` : ''}.` +
      (failedFiles.length > 0 ? ` Also FAILED against datapackage.json: ${failedFiles.map((f) => f.reason).join(' ')}` : ''),
  };
}
