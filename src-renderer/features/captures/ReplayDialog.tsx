import { useEffect, useState } from 'react';
import type { CapturePageInfo, CaptureReplay } from '../../../src-main/contract/captures';
import { call, shell, toDossierError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { displayText } from '../../components/displayText';
import { UntrustedText } from '../../components/UntrustedText';
import { CapturedTime } from './CapturedTime';

/**
 * Replays a captured page offline. Main builds a self-contained copy from the stored archive (every
 * embedded resource inlined as data, scripts and handlers removed, a CSP forbidding any other load
 * put first); it is shown in a frame sandboxed with no permissions at all (no scripts, no same
 * origin, no navigation of this window), from a blob: URL, so nothing in it can reach the network
 * or the app. What the archive lacks is listed, never fetched. In the desktop app (a shell with the
 * dossier-archive: protocol) the frame loads the page from main's archive protocol instead, which
 * also allows the "run page scripts" toggle: scripts then run, but can load and fetch only from the
 * archive. Elsewhere (the browser harness) scripts are unavailable and the view says so.
 * The page's title and URL are the archive's text: shown spelled out (UntrustedText).
 */
export function ReplayDialog({ page, onClose }: { page: CapturePageInfo; onClose: () => void }) {
  const [replay, setReplay] = useState<CaptureReplay | null>(null);
  const [frameUrl, setFrameUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scripts, setScripts] = useState(false);
  const archiveProtocol = shell().archiveProtocol === true;

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    call('captures.replay', { captureId: page.capture_id, url: page.url, ...(page.captured_at ? { at: page.captured_at } : {}) })
      .then((result) => {
        if (!live) return;
        setReplay(result);
        if (result.html !== null && !(archiveProtocol && result.archive_urls)) {
          url = URL.createObjectURL(new Blob([result.html], { type: 'text/html;charset=utf-8' }));
          setFrameUrl(url);
        }
      })
      .catch((raw) => live && setError(toDossierError(raw).message));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [page.capture_id, page.url, page.captured_at, archiveProtocol]);
  const archiveFrameUrl = archiveProtocol && replay?.archive_urls ? (scripts ? replay.archive_urls.scripts_on : replay.archive_urls.scripts_off) : null;

  return (
    <Dialog
      title={displayText(page.title ?? page.url)}
      description={
        <span>
          <span className="mono">
            <UntrustedText text={page.url} what="The address" />
          </span>{' '}
          · captured <CapturedTime at={page.captured_at} /> · {page.exhibit_label} · replayed offline from the stored archive
        </span>
      }
      onClose={onClose}
      width={1000}
      className="replay-dialog"
    >
      {error ? <p className="form-error">{error}</p> : null}
      {!replay && !error ? <p className="faint">Reading the page from the archive…</p> : null}
      {replay && replay.html === null ? <p className="form-error">The archive does not hold this page.</p> : null}
      {replay && replay.html !== null ? (
        <label className="replay-scripts" data-testid="replay-scripts">
          <input type="checkbox" checked={scripts} disabled={!archiveProtocol} onChange={(e) => setScripts(e.target.checked)} /> Run page scripts (inside the archive only)
          {archiveProtocol ? null : <span className="faint"> — unavailable in this window: it replays without the app's archive protocol, so scripts stay off</span>}
        </label>
      ) : null}
      {archiveFrameUrl ? (
        <iframe
          key={archiveFrameUrl}
          className="replay-frame"
          title={`Archived page ${displayText(page.url)}`}
          src={archiveFrameUrl}
          sandbox={scripts ? 'allow-scripts' : ''}
          referrerPolicy="no-referrer"
          data-testid="replay-frame"
        />
      ) : null}
      {frameUrl && !archiveFrameUrl ? <iframe className="replay-frame" title={`Archived page ${displayText(page.url)}`} src={frameUrl} sandbox="" referrerPolicy="no-referrer" data-testid="replay-frame" /> : null}
      {replay && replay.missing.length > 0 ? (
        <details className="replay-missing" open data-testid="replay-missing">
          <summary>
            {replay.missing.length} resource{replay.missing.length === 1 ? '' : 's'} the page asked for {replay.missing.length === 1 ? 'is' : 'are'} not in the archive (not fetched)
          </summary>
          <ul>
            {replay.missing.map((m) => (
              <li key={m} className="mono break-all">
                <UntrustedText text={m} what="The address" />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {replay && replay.html !== null ? (
        <p className="faint">
          {archiveFrameUrl
            ? `served from the archive only · scripts ${scripts ? 'on (they can reach nothing outside the archive)' : 'off'}`
            : `${replay.embedded} resource${replay.embedded === 1 ? '' : 's'} shown from the archive · scripts off · links are not followed`}
        </p>
      ) : null}
    </Dialog>
  );
}
