import type { CourtOrder } from '../../../src-main/contract/records';
import { QueryError } from '../../components/QueryError';
import { listItems } from '../../data/listItems';
import { useQuery } from '../../data/useQuery';
import { StatusBadge } from '../../components/StatusBadge';
import { UntrustedText } from '../../components/UntrustedText';
import { useApp } from '../app/appStore';

const SHOWN = 50;

/** Websites this order covers (links with relation "covers"), first page only, with their state; hosts spelled out. */
export function CoveredWebsites({ item }: { item: CourtOrder }) {
  const openItem = useApp((s) => s.openItem);
  const { data, error } = useQuery(['covered', item.id], ['website', 'links'], () => listItems({ kind: 'website', orderId: item.id, limit: SHOWN }));
  if (error) return <QueryError what="the covered websites" error={error} />;
  if (!data || data.items.length === 0) return null;
  const sites = { items: data.items, more: data.next !== null };
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
              <span className="linked-title truncate">
                <UntrustedText text={site.host_unicode} what="The host" flag="icon" flagFirst />
              </span>
            </button>
            <StatusBadge value={site.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
