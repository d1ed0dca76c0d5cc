import { useEffect, useId, useState } from 'react';
import type { CapturePageInfo } from '../../../src-main/contract/captures';
import type { Website } from '../../../src-main/contract/records';
import { call, toDossierError } from '../../api';
import { formatDate } from '../../components/labels';
import { ReplayDialog } from './ReplayDialog';

/** The website's captured pages (from every web capture exhibit whose pages were on its host), each replayable offline. */
export function CapturesPanel({ item }: { item: Website }) {
  const [pages, setPages] = useState<CapturePageInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replaying, setReplaying] = useState<CapturePageInfo | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    setPages(null);
    call('captures.pages', { websiteId: item.id, limit: 500 })
      .then((list) => live && setPages(list))
      .catch((raw) => live && setError(toDossierError(raw).message));
    return () => {
      live = false;
    };
  }, [item.id, item.hlc]);

  return (
    <section className="detail-section" aria-labelledby={`${id}-h`} data-testid="captures-panel">
      <div className="detail-section-head">
        <h3 id={`${id}-h`}>Captures</h3>
      </div>
      {error ? <p className="form-error">{error}</p> : null}
      {pages === null && !error ? <p className="faint">Loading captured pages…</p> : null}
      {pages?.length === 0 ? <p className="faint">No captured pages of this website. Import a WARC, WACZ, HAR or MHTML capture to add some.</p> : null}
      {pages && pages.length > 0 ? (
        <ul className="capture-pages">
          {pages.map((page) => (
            <li key={page.id} className="capture-page">
              <div className="capture-page-main">
                <span className="truncate">{page.title ?? page.url}</span>
                <span className="mono faint truncate" title={page.url}>
                  {page.url}
                </span>
                <span className="faint">
                  {page.exhibit_label} · {page.http_status ?? 'no status'} · captured {formatDate(page.captured_at)}
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
