import { useState } from 'react';
import type { CourtOrder } from '../../../src-main/contract/records';
import { call, shellCall, toDossierError } from '../../api';
import { Icon } from '../../components/Icon';
import { QueryError } from '../../components/QueryError';
import { useQuery } from '../../data/useQuery';
import { formatBytes } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';
import { useApp } from '../app/appStore';

const FIRST_ROWS = 10;

/**
 * The order's Appendix A: domains by registry and registrar, the first rows, and a CSV export.
 * Names and domains are stored text (a CSV, a merged copy): spelled out and flagged.
 */
export function AppendixSection({ item }: { item: CourtOrder }) {
  const showNotice = useApp((s) => s.showNotice);
  const { data: page, error } = useQuery(['appendix', item.id], ['website', 'links'], () => call('websites.appendix', { orderId: item.id, limit: FIRST_ROWS }));
  const [exporting, setExporting] = useState(false);

  async function exportCsv() {
    try {
      const name = `Appendix-A-${item.docket.replace(/[^A-Za-z0-9_.-]+/g, '-')}.csv`;
      const outPath = await shellCall((s) => s.chooseSavePath({ purpose: 'appendixCsv', suggestedName: name }));
      if (!outPath) return;
      setExporting(true);
      const written = await call('websites.appendixCsv', { orderId: item.id, outPath });
      showNotice({
        title: 'Appendix exported',
        message: `${written.rows.toLocaleString('en-US')} domains to ${written.path} (${formatBytes(written.bytes)}, SHA-256 ${written.sha256}).`,
      });
    } catch (raw) {
      showNotice({ title: 'Could not export the appendix', message: toDossierError(raw).message });
    } finally {
      setExporting(false);
    }
  }

  if (error) return <QueryError what="the appendix" error={error} />;
  if (!page) return null;
  const count = page.outline.reduce((n, r) => n + r.count, 0);
  return (
    <section className="detail-section" aria-labelledby="appendix-heading">
      <div className="detail-section-head">
        <h3 id="appendix-heading">
          Appendix A <span className="count">{count.toLocaleString('en-US')}</span>
        </h3>
        <button type="button" className="btn btn-sm" onClick={() => void exportCsv()} disabled={exporting || count === 0}>
          <Icon name="download" size={13} /> {exporting ? 'Exporting…' : 'Export CSV…'}
        </button>
      </div>
      {count === 0 ? (
        <p className="muted small">No domains yet: link websites with the relation “covers”, or import a list for this order.</p>
      ) : (
        <>
          <ul className="appendix-outline" aria-label="Appendix outline">
            {page.outline.map((registry) => (
              <li key={registry.registry}>
                <div className="appendix-registry">
                  <span>
                    <span className="faint">Registry </span>
                    <UntrustedText text={registry.registry} what="The registry" />
                  </span>
                  <span className="tabular faint">{registry.count}</span>
                </div>
                <ul>
                  {registry.registrars.map((r) => (
                    <li key={r.registrar} className="appendix-registrar">
                      <span className="truncate">
                        <UntrustedText text={r.registrar} what="The registrar" flag="icon" flagFirst />
                        {r.registrar_iana_id ? <span className="faint"> (IANA {r.registrar_iana_id})</span> : null}
                      </span>
                      <span className="tabular faint">{r.count}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {page.heading ? (
            <p className="small">
              <UntrustedText text={page.heading} what="The heading" />
            </p>
          ) : null}
          {/* As the packet prints it: one entry per registrable domain, flags, the order's names under it. */}
          <table className="data-table compact" aria-label="First appendix rows">
            <tbody>
              {(page.domains ?? []).map((d, i) => (
                <tr key={d.website_ids[0] ?? d.domain_ascii}>
                  <td className="tabular faint">A-{i + 1}</td>
                  <td className="mono break-all">
                    <UntrustedText text={d.domain_unicode} what="The domain" />
                    {d.domain_ascii !== d.domain_unicode ? (
                      <span className="faint">
                        {' '}
                        (<UntrustedText text={d.domain_ascii} what="The domain" />)
                      </span>
                    ) : null}
                    {d.flags.length > 0 ? <div className="small">{d.flags.join(' · ')}</div> : null}
                    {d.folded.map((f) => (
                      <div key={f} className="small faint">
                        <UntrustedText text={f} what="The name" />
                      </div>
                    ))}
                  </td>
                  <td className="truncate faint">
                    <UntrustedText text={d.registrar} what="The registrar" flag="icon" flagFirst />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.truncated ? <p className="field-help">First {FIRST_ROWS} of {count.toLocaleString('en-US')}; the CSV has them all.</p> : null}
        </>
      )}
    </section>
  );
}
