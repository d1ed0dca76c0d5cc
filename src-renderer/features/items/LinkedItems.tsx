import type { LinkedItem } from '../../../src-main/contract/records';
import { call, toDossierError } from '../../api';
import { Icon } from '../../components/Icon';
import { KIND_LABEL } from '../../components/labels';
import { useApp } from '../app/appStore';

/** Items linked to the current one, both directions; each opens on click and can be unlinked. */
export function LinkedItems({ linked, onChanged, onAdd }: { linked: LinkedItem[]; onChanged: () => void; onAdd: () => void }) {
  const openItem = useApp((s) => s.openItem);
  const showNotice = useApp((s) => s.showNotice);
  async function unlink(item: LinkedItem) {
    try {
      await call('links.delete', { id: item.link_id });
      onChanged();
    } catch (raw) {
      showNotice({ title: 'Could not remove the link', message: toDossierError(raw).message });
    }
  }
  return (
    <section className="detail-section" aria-labelledby="linked-heading">
      <div className="detail-section-head">
        <h3 id="linked-heading">
          Linked items <span className="count">{linked.length}</span>
        </h3>
        <button type="button" className="btn btn-sm" onClick={onAdd}>
          <Icon name="link" size={14} /> Add link
        </button>
      </div>
      {linked.length === 0 ? (
        <p className="muted small">Nothing linked yet. Link orders to the domains they cover, evidence to what it shows, people to their organisations.</p>
      ) : (
        <ul className="linked-list" aria-label="Linked items">
          {linked.map((item) => (
            <li key={item.link_id} className="linked-item">
              <button type="button" className="linked-open" onClick={() => openItem(item.kind, item.id)} title={`Open ${KIND_LABEL[item.kind].toLowerCase()}`}>
                <span className={`kind-dot kind-${item.kind}`} aria-hidden="true" />
                <span className="linked-main">
                  <span className="linked-title truncate">{item.title}</span>
                  <span className="linked-sub truncate">
                    {item.direction === 'outgoing' ? `${item.relation} →` : `← ${item.relation}`} · {KIND_LABEL[item.kind]}
                    {item.subtitle ? ` · ${item.subtitle}` : ''}
                  </span>
                </span>
              </button>
              <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={() => void unlink(item)} aria-label={`Remove link to ${item.title}`} title="Remove link">
                <Icon name="unlink" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
