import { useEffect, useState } from 'react';
import type { CapturePageInfo, CaptureReplay } from '../../../src-main/contract/captures';
import { call, toDossierError } from '../../api';
import { Dialog } from '../../components/Dialog';

/**
 * Replays a captured page offline. Main builds a self-contained copy from the stored archive (every
 * embedded resource inlined as data, scripts and handlers removed, a CSP forbidding any other load
 * put first); it is shown in a frame sandboxed with no permissions at all (no scripts, no same
 * origin, no navigation of this window), from a blob: URL, so nothing in it can reach the network
 * or the app. What the archive lacks is listed, never fetched.
 */
export function ReplayDialog({ page, onClose }: { page: CapturePageInfo; onClose: () => void }) {
  const [replay, setReplay] = useState<CaptureReplay | null>(null);
  const [frameUrl, setFrameUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    call('captures.replay', { captureId: page.capture_id, url: page.url, ...(page.captured_at ? { at: page.captured_at } : {}) })
      .then((result) => {
        if (!live) return;
        setReplay(result);
        if (result.html !== null) {
          url = URL.createObjectURL(new Blob([result.html], { type: 'text/html;charset=utf-8' }));
          setFrameUrl(url);
        }
      })
      .catch((raw) => live && setError(toDossierError(raw).message));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [page.capture_id, page.url, page.captured_at]);

  return (
    <Dialog
      title={page.title ?? page.url}
      description={
        <span>
          <span className="mono">{page.url}</span> · captured {page.captured_at ?? 'at an unrecorded time'} · {page.exhibit_label} · replayed offline from the stored archive
        </span>
      }
      onClose={onClose}
      width={1000}
      className="replay-dialog"
    >
      {error ? <p className="form-error">{error}</p> : null}
      {!replay && !error ? <p className="faint">Reading the page from the archive…</p> : null}
      {replay && replay.html === null ? <p className="form-error">The archive does not hold this page.</p> : null}
      {frameUrl ? <iframe className="replay-frame" title={`Archived page ${page.url}`} src={frameUrl} sandbox="" referrerPolicy="no-referrer" data-testid="replay-frame" /> : null}
      {replay && replay.missing.length > 0 ? (
        <details className="replay-missing" open data-testid="replay-missing">
          <summary>
            {replay.missing.length} resource{replay.missing.length === 1 ? '' : 's'} the page asked for {replay.missing.length === 1 ? 'is' : 'are'} not in the archive (not fetched)
          </summary>
          <ul>
            {replay.missing.map((m) => (
              <li key={m} className="mono break-all">
                {m}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {replay && replay.html !== null ? (
        <p className="faint">
          {replay.embedded} resource{replay.embedded === 1 ? '' : 's'} shown from the archive · scripts off · links are not followed
        </p>
      ) : null}
    </Dialog>
  );
}
