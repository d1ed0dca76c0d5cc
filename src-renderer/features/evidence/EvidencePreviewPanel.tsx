import type { Evidence } from '../../../src-main/contract/records';
import { call } from '../../api';
import { useQuery } from '../../data/useQuery';

const PREVIEW_BYTES = 256 * 1024;

/**
 * A safe look at stored bytes: text in a <pre> (as text, never HTML: a saved phishing page shows
 * its source), images only as data:image URLs. Anything else is described, not rendered.
 */
export function EvidencePreviewPanel({ item }: { item: Evidence }) {
  // Keyed by content hash: stored bytes never change under one hash, so nothing invalidates it.
  const query = useQuery(['preview', item.id, item.content_sha256], [], () => call('evidence.preview', { id: item.id, maxBytes: PREVIEW_BYTES }));
  const preview = query.data ?? null;
  const error = query.error;

  const image = preview?.image_data_url && /^data:image\/(png|jpeg|gif|webp|bmp|avif);base64,/i.test(preview.image_data_url) ? preview.image_data_url : null;
  return (
    <section className="detail-section" aria-labelledby="preview-heading">
      <div className="detail-section-head">
        <h3 id="preview-heading">Preview</h3>
        {preview?.truncated ? <span className="badge">first {Math.round(PREVIEW_BYTES / 1024)} KiB</span> : null}
      </div>
      {error ? <p className="muted small">{error}</p> : null}
      {!preview && !error ? <p className="muted small">Loading preview…</p> : null}
      {image ? <img className="evidence-image" src={image} alt={`Preview of ${item.exhibit_label}`} /> : null}
      {preview && !image && preview.text !== null ? <pre className="evidence-text">{preview.text}</pre> : null}
      {preview && !image && preview.text === null ? (
        <p className="muted small">No preview for {preview.media_type}. Save a copy to open it in a dedicated, offline tool.</p>
      ) : null}
    </section>
  );
}
