import path from 'node:path';
import { isTimeWithoutZone, NO_USABLE_CAPTURE_TIME, NO_ZONE_STATED } from '../../contract/statedTime';
import type { Command } from 'commander';
import type { CaptureImportResult, CapturePageDetail, CapturePageInfo, CaptureSummary } from '../../contract/captures';
import type { Channel, RequestOf, ResponseOf } from '../../contract/DossierApi';
import { setExitStatus } from '../cliIo';
import { withContract } from '../contractSession';
import { emit, fields, type GlobalOptions, table } from '../output';
import { shownValue } from '../terminalText';

/**
 * One request through the contract (withContract: case.open, dispatch, case.close), exactly as
 * the app sends it. Reading requests open the file read-only.
 */
async function request<C extends Channel>(file: string, options: GlobalOptions, channel: C, body: RequestOf<C>): Promise<ResponseOf<C>> {
  const readonly = channel === 'captures.list' || channel === 'captures.pages' || channel === 'captures.page';
  return withContract(file, options, (call) => call(channel, body), { readonly });
}

function problemLines(capture: CaptureSummary): string[] {
  if (capture.problems.length === 0) return [];
  return [
    `  Problems (${capture.problems.length}):`,
    // Member names and messages quote the archive: its line breaks must not start lines of their own.
    ...capture.problems.map((p) => `    ${p.offset !== null ? `offset ${p.offset}${p.member ? ` in ${shownValue(p.member)}` : ''}: ` : p.member ? `${shownValue(p.member)}: ` : ''}${shownValue(p.message)}`),
  ];
}

function statusWords(capture: CaptureSummary): string {
  if (capture.import_status === 'complete') return 'import complete';
  if (capture.import_status === 'partial') return 'INCOMPLETE: some of the archive could not be read (see problems)';
  return `INTERRUPTED: the import stopped before its records were parsed (run "dossier capture reparse FILE ${capture.evidence_id}")`;
}

function captureLines(capture: CaptureSummary, pages: CapturePageInfo[]): string {
  return [
    `${capture.exhibit_label}: ${capture.format.toUpperCase()} capture ${capture.id}, ${statusWords(capture)}`,
    `  ${capture.record_count} records, ${capture.page_count} pages; capture tool: ${capture.tool === null ? 'not stated in the archive' : shownValue(capture.tool)}`,
    ...problemLines(capture),
    pages.length
      ? table(['captured at', 'status', 'url', 'title', 'page id'], pages.map((p) => [p.captured_at, p.http_status, p.url, p.title, p.id]))
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n')
      : '  (no pages)',
  ].join('\n');
}

export function registerCaptureCommands(program: Command): void {
  const capture = program.command('capture').description('Web captures (WARC, WARC.GZ, WACZ, HAR, MHTML): stored as an exhibit, parsed into records and pages');

  capture
    .command('import')
    .description('Import a web capture: stored byte-exact as one exhibit, records parsed and digests checked, pages linked to websites')
    .argument('<file>', 'case file')
    .argument('<path>', 'the capture (.warc, .warc.gz, .wacz, .har, .mhtml)')
    .option('--website <id>', 'link the capture to this website')
    .option('--create-sites', 'add a website for each captured host the case does not have')
    .option('--again', 'import even when the case already holds a capture with the same bytes')
    .option('--title <title>', 'exhibit title (default: the file name)')
    .option('--source <url>', 'where it came from')
    .option('--acquired-by <name>', 'who captured it')
    .option('--acquired-at <iso>', 'when it was captured (ISO-8601)')
    .option('--description <text>', 'description')
    .action(async (file: string, capturePath: string, opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const result: CaptureImportResult = await request(file, options, 'captures.import', {
        path: path.resolve(capturePath),
        ...(opts.website ? { websiteId: opts.website as string } : {}),
        ...(opts.createSites ? { createSites: true } : {}),
        ...(opts.again ? { again: true } : {}),
        ...(opts.title ? { title: opts.title as string } : {}),
        ...(opts.source ? { source_url: opts.source as string } : {}),
        ...(opts.acquiredBy ? { acquired_by: opts.acquiredBy as string } : {}),
        ...(opts.acquiredAt ? { acquired_at: opts.acquiredAt as string } : {}),
        ...(opts.description ? { description: opts.description as string } : {}),
      });
      emit(options, result, () =>
        [
          captureLines(result.capture, result.pages),
          result.websites.length ? `  Websites linked as "captured": ${result.websites.map((w) => `${shownValue(w.host)}${w.created ? ' (added)' : ''}${w.captured_at === null ? ` (${NO_USABLE_CAPTURE_TIME}: no "evidence captured" date recorded)` : ''}`).join(', ')}` : null,
          result.unmatched_hosts.length ? `  Hosts with no website in the case (add them with --create-sites): ${shownValue(result.unmatched_hosts.join(', '))}` : null,
          `  exhibit id ${result.evidence_id}`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
      if (result.capture.import_status !== 'complete') setExitStatus(4);
    });

  capture
    .command('reparse')
    .description('Parse again, from the stored bytes, a capture whose import was interrupted (a crash or a killed process)')
    .argument('<file>', 'case file')
    .argument('<exhibit>', 'exhibit id of the interrupted capture')
    .action(async (file: string, exhibit: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const result = await request(file, options, 'captures.reparse', { evidenceId: exhibit });
      emit(options, result, () => [captureLines(result.capture, result.pages), `  exhibit id ${result.evidence_id}`].join('\n'));
      if (result.capture.import_status !== 'complete') setExitStatus(4);
    });

  capture
    .command('list')
    .description('Captures and their pages (of one exhibit, or of the whole case)')
    .argument('<file>', 'case file')
    .argument('[exhibit]', 'exhibit id')
    .action(async (file: string, exhibit: string | undefined, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const captures = await request(file, options, 'captures.list', exhibit ? { evidenceId: exhibit } : {});
      const withPages: (CaptureSummary & { pages: CapturePageInfo[] })[] = [];
      for (const c of captures) withPages.push({ ...c, pages: await request(file, options, 'captures.pages', { captureId: c.id, limit: 5000 }) });
      emit(options, withPages, () => (withPages.length ? withPages.map((c) => captureLines(c, c.pages)).join('\n\n') : 'No web captures in this case.'));
    });

  capture
    .command('show')
    .description('One captured page: URL, time, IP, HTTP status, record id, digests, text')
    .argument('<file>', 'case file')
    .argument('<page>', 'page id (from "capture list")')
    .action(async (file: string, pageId: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const page: CapturePageDetail = await request(file, options, 'captures.page', { id: pageId });
      const r = page.record;
      emit(options, page, () =>
        [
          fields([
            ['URL', page.url],
            ['Title', page.title],
            ['Captured at', page.captured_at && isTimeWithoutZone(page.captured_at) ? `${page.captured_at} (${NO_ZONE_STATED})` : page.captured_at],
            ['HTTP status', page.http_status],
            ['IP address', r?.ip],
            ['Exhibit', `${page.exhibit_label} (${page.evidence_id})`],
            ['Capture', `${page.capture.format.toUpperCase()} ${page.capture.id}, ${statusWords(page.capture)}`],
            ['Capture tool', page.capture.tool],
            ['Record id', r?.record_id ?? 'not in the archive'],
            ['Record offset', r?.offset !== null && r?.offset !== undefined ? `${r.offset}${r.member ? ` in ${r.member}` : ''} (${r.length} bytes)` : null],
            ['Payload SHA-256', r?.payload_sha256],
            ['Payload SHA-1', r?.payload_sha1],
            ['Block SHA-256', r?.block_sha256],
            ['Declared digests', [r?.declared_payload_digest, r?.declared_block_digest].filter(Boolean).join(', ')],
            ['Digest check', r ? `${r.digest_status}${r.problem ? `: ${r.problem}` : ''}` : null],
            ['Screenshot record', page.screenshot_record_id],
            ['Page id', page.id],
          ]),
          '',
          page.text ? page.text.slice(0, 4000) + (page.text.length > 4000 || page.text_truncated ? '\n…' : '') : '(no text)',
        ].join('\n'),
      );
    });
}
