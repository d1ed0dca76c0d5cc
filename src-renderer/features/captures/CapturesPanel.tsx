import { useEffect, useId, useState } from 'react';
import type { CapturePageInfo, CaptureSummary } from '../../../src-main/contract/captures';
import type { Evidence, Website } from '../../../src-main/contract/records';
import { call, toDossierError } from '../../api';
import { displayText } from '../../components/displayText';
import { UntrustedText } from '../../components/UntrustedText';
import { CapturedTime } from './CapturedTime';
import { ReplayDialog } from './ReplayDialog';

/**
 * Captured pages, each replayable offline: a website's (from every capture whose pages were on its
 * host) or an exhibit's (with the capture's import status and every problem found, so an
 * incomplete capture never looks complete). A capture is hostile evidence: its titles, URLs, tool
 * name and problems (which quote the archive) are shown through UntrustedText.
 */
export function CapturesPanel({ item }: { item: Website } | { item: Evidence }) {
  const isExhibit = 'exhibit_label' in item;
  const [captures, setCaptures] = useState<CaptureSummary[]>([]);
  const [pages, setPages] = useState<CapturePageInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replaying, setReplaying] = useState<CapturePageInfo | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    setPages(null);
    call('captures.pages', isExhibit ? { evidenceId: item.id, limit: 500 } : { websiteId: item.id, limit: 500 })
      .then((list) => live && setPages(list))
      .catch((raw) => live && setError(toDossierError(raw).message));
    if (isExhibit) void call('captures.list', { evidenceId: item.id }).then((list) => live && setCaptures(list));
    return () => {
      live = false;
    };
  }, [item.id, item.hlc, isExhibit]);
  // An exhibit that is no web capture shows nothing here.
  if (isExhibit && captures.length === 0) return null;

  return (
    <section className="detail-section" aria-labelledby={`${id}-h`} data-testid="captures-panel">
      <div className="detail-section-head">
        <h3 id={`${id}-h`}>Captures</h3>
      </div>
      {captures.map((c) => (
        <div key={c.id} className="capture-summary">
          <p>
            <strong>{c.import_status === 'complete' ? 'Import complete' : c.import_status === 'partial' ? 'Incomplete: part of the archive could not be read' : 'Interrupted: the import stopped before its records were parsed (finish it with "dossier capture reparse")'}</strong>
            <span className="faint">
              {' '}
              · {c.format.toUpperCase()} · {c.record_count} records · {c.page_count} pages · tool: {c.tool === null ? 'not stated' : <UntrustedText text={c.tool} what="The tool name" />}
            </span>
          </p>
          {c.problems.length ? (
            <ul className="capture-problems">
              {c.problems.map((p, i) => (
                <li key={i} className="break-all">
                  <UntrustedText text={p.message} what="The problem" />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
      {error ? <p className="form-error">{error}</p> : null}
      {pages === null && !error ? <p className="faint">Loading captured pages…</p> : null}
      {pages?.length === 0 ? <p className="faint">No captured pages of this website. Import a WARC, WACZ, HAR or MHTML capture to add some.</p> : null}
      {pages && pages.length > 0 ? (
        <ul className="capture-pages">
          {pages.map((page) => (
            <li key={page.id} className="capture-page">
              <div className="capture-page-main">
                <span className="truncate">
                  <UntrustedText text={page.title ?? page.url} what={page.title === null ? 'The address' : 'The title'} flagFirst />
                </span>
                <span className="mono faint truncate" title={displayText(page.url)}>
                  <UntrustedText text={page.url} what="The address" flagFirst />
                </span>
                <span className="faint">
                  {isExhibit ? '' : `${displayText(page.exhibit_label)} · `}{page.http_status ?? 'no status'} · captured <CapturedTime at={page.captured_at} />
                </span>
              </div>
              <button type="button" className="btn btn-sm" onClick={() => setReplaying(page)} disabled={!page.record}>
                Replay
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {replaying ? <ReplayDialog page={replaying} onClose={() => setReplaying(null)} /> : null}
    </section>
  );
}
