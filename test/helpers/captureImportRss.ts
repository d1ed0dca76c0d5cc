/**
 * Child process for the capture memory test and bench: parses a capture in a case file and prints
 * one JSON line with the resident set before the parse and the process's high-water mark after it.
 *   tsx test/helpers/captureImportRss.ts import CASE-FILE CAPTURE-FILE   (creates the case; stores and parses)
 *   tsx test/helpers/captureImportRss.ts interrupted CASE-FILE CAPTURE-FILE (creates the case; stores it, then stops as a crash would)
 *   tsx test/helpers/captureImportRss.ts reparse CASE-FILE EXHIBIT-ID    (parses a stored capture left 'importing')
 * A separate process per run, so one run's high-water mark never hides another's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCase } from '../../src-main/case/caseInfo';
import { openCaseFile, closeCaseFile } from '../../src-main/casefile/openCaseFile';
import { beginCaptureImport, importCapture, reparseCapture } from '../../src-main/captures/importCapture';
import { detectCaptureFormat } from '../../src-main/captures/detectCaptureFormat';
import { importEvidence } from '../../src-main/evidence/importEvidence';
import { openImportConnection } from '../../src-main/evidence/openImportConnection';
import { peakRssBytes } from '../support/peakRss';

const [mode, caseFilePath, target] = process.argv.slice(2);
const actor = { name: 'probe', device: 'probe' };
const caseFile = mode !== 'reparse' ? createCase(caseFilePath!, { title: 'RSS probe' }, actor) : openCaseFile(caseFilePath!, { actor });
if (mode === 'interrupted') {
  const stored = (await importEvidence(caseFile, [target!], { kind: 'web_capture' })).items[0]!.evidence;
  const connection = openImportConnection(caseFile);
  beginCaptureImport(connection, stored.id, stored.content_sha256!, detectCaptureFormat(path.basename(target!), fs.readFileSync(target!).subarray(0, 4096)));
  closeCaseFile(connection);
  closeCaseFile(caseFile);
  process.stdout.write(`${JSON.stringify({ evidence_id: stored.id })}\n`);
  process.exit(0);
}
const before = process.memoryUsage().rss;

const result = mode === 'import' ? await importCapture(caseFile, target!) : await reparseCapture(caseFile, target!);
const peak = peakRssBytes();

closeCaseFile(caseFile);
process.stdout.write(
  `${JSON.stringify({ before, peak, growth: peak - before, evidence_id: result.evidence_id, status: result.capture.import_status, records: result.capture.record_count, pages: result.capture.page_count })}\n`,
);
