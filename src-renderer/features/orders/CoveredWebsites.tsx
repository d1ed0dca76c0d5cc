import { useEffect, useState } from 'react';
import type { CourtOrder, Website } from '../../../src-main/contract/records';
import { call } from '../../api';
import { StatusBadge } from '../../components/StatusBadge';
import { useApp } from '../app/appStore';

const SHOWN = 50;

/** Websites this order covers (links with relation "covers"), first page only, with their state. */
export function CoveredWebsites({ item }: { item: CourtOrder }) {
  const openItem = useApp((s) => s.openItem);
  const revision = useApp((s) => s.revision);
  const [sites, setSites] = useState<{ items: Website[]; more: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    void call('items.list', { kind: 'website', orderId: item.id, limit: SHOWN }).then(
      (page) => live && setSites({ items: page.items as Website[], more: page.next !== null }),
    );
    return () => {
      live = false;
    };
  }, [item.id, revision]);
  if (!sites || sites.items.length === 0) return null;
  return (
    <section className="detail-section" aria-labelledby="covered-heading">
      <div className="detail-section-head">
        <h3 id="covered-heading">
          Covers <span className="count">{sites.more ? `${SHOWN}+` : sites.items.length}</span>
        </h3>
      </div>
      <ul className="linked-list">
        {sites.items.map((site) => (
          <li key={site.id} className="linked-item">
            <button type="button" className="linked-open" onClick={() => openItem('website', site.id)}>
              <span className="kind-dot kind-website" aria-hidden="true" />
              <span className="linked-title truncate">{site.host_unicode}</span>
            </button>
            <StatusBadge value={site.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
