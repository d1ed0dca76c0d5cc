import type { EmailPreview } from '../../../src-main/contract/DossierApi';
import type { Evidence } from '../../../src-main/contract/records';
import { call } from '../../api';
import { displayText } from '../../components/displayText';
import { useQuery } from '../../data/useQuery';
import { UntrustedText } from '../../components/UntrustedText';

const PREVIEW_BYTES = 256 * 1024;

/**
 * A safe look at stored bytes: text in a <pre> (as text, never HTML: a saved phishing page shows
 * its source), images only as data:image URLs. Anything else is described, not rendered. Every
 * text from the exhibit goes through UntrustedText: a live U+202E would reorder what it says.
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
        {preview?.charset ? <span className="badge">{preview.charset}</span> : null}
        {preview?.truncated ? <span className="badge">first {Math.round(PREVIEW_BYTES / 1024)} KiB</span> : null}
      </div>
      {error ? <p className="muted small">{error}</p> : null}
      {!preview && !error ? <p className="muted small">Loading preview…</p> : null}
      {image ? <img className="evidence-image" src={image} alt={`Preview of ${displayText(item.exhibit_label)}`} /> : null}
      {preview?.email ? <EmailView email={preview.email} /> : null}
      {preview && !image && !preview.email && preview.text !== null ? <pre className="evidence-text">
          <UntrustedText text={preview.text} multiline what="The exhibit's text" />
        </pre> : null}
      {preview && !image && preview.text === null ? (
        <p className="muted small">No preview for {preview.media_type}. Save a copy to open it in a dedicated, offline tool.</p>
      ) : null}
    </section>
  );
}

/**
 * The body as the packet shows it (prepareEmailExhibit): with a text body and an HTML part that
 * differ, both, the HTML part first as its text (never rendered), since mail clients display it.
 */
function EmailBodies({ email }: { email: EmailPreview }) {
  const words = (s: string) => s.replace(/\s+/g, ' ').trim();
  const html = email.htmlAlternative;
  if (html === undefined || words(html) === words(email.body)) {
    return (
      <>
        {html !== undefined ? <p className="muted small">The message has a text body and an HTML part with the same words; shown once, as text.</p> : null}
        <pre className="evidence-text">
          <UntrustedText text={email.body} multiline what="The body" />
        </pre>
      </>
    );
  }
  return (
    <>
      <p className="muted small" role="note">
        The text body and the HTML part differ; most mail clients display the HTML part. Both follow, the HTML part as its text (not rendered).
      </p>
      <h4 className="small">HTML part, as text</h4>
      <pre className="evidence-text" aria-label="HTML part, as text">
        <UntrustedText text={html} multiline what="The HTML part" />
      </pre>
      <h4 className="small">Text body</h4>
      <pre className="evidence-text" aria-label="Text body">
        <UntrustedText text={email.body} multiline what="The body" />
      </pre>
    </>
  );
}

/** An e-mail as the packet shows it (headers decoded by main; body as text, never HTML). */
function EmailView({ email }: { email: EmailPreview }) {
  const fields: [string, string][] = [
    ['From', email.from],
    ['To', email.to],
    ['Cc', email.cc],
    ['Date', email.date],
    ['Subject', email.subject],
  ];
  return (
    <div className="evidence-email" aria-label="E-mail">
      <dl className="field-list compact">
        {fields
          .filter(([, value]) => value !== '')
          .map(([name, value]) => (
            <div key={name} className="field-row wide">
              <dt>{name}</dt>
              <dd className="break-all">
                <UntrustedText text={value} what={`The ${name} field`} />
              </dd>
            </div>
          ))}
      </dl>
      {email.bodySource === 'html' ? <p className="muted small">Only an HTML body: its text is shown, not rendered.</p> : null}
      <EmailBodies email={email} />
      {email.attachments.length > 0 ? (
        <table className="data-table compact" aria-label="Attachments">
          <tbody>
            {email.attachments.map((a, i) => (
              <tr key={`${i}-${a.sha256}`}>
                <td className="break-all">
                  <UntrustedText text={a.name} what="The attachment name" />
                </td>
                <td className="faint">
                  <UntrustedText text={a.mediaType} what="The media type" />
                </td>
                <td className="tabular">{a.size.toLocaleString('en-US')} bytes</td>
                <td className="mono break-all small">{a.sha256}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <details>
        <summary className="small">Raw headers</summary>
        <pre className="evidence-text">
          <UntrustedText text={email.rawHeaders} multiline what="The headers" />
        </pre>
      </details>
    </div>
  );
}
