import type { LinkedItem } from '../../../src-main/contract/records';
import { useState } from 'react';
import { call, toDossierError } from '../../api';
import { Icon } from '../../components/Icon';
import { formatCount, KIND_LABEL } from '../../components/labels';
import { QueryError } from '../../components/QueryError';
import { displayText, hasHiddenCharacters } from '../../components/displayText';
import { HiddenCharactersFlag } from '../../components/UntrustedText';
import type { Topic } from '../../data/invalidation';
import { useQuery } from '../../data/useQuery';
import { useApp } from '../app/appStore';

/** Links per page: the server's first page (itemDetail's LINKED_PAGE_SIZE) and each page after it. */
const PAGE = 50;

/**
 * Items linked to the current one, both directions, a page at a time ("1–50 of 205,800"), so an
 * order covering 200k sites is a short list to read and to Tab past. Each opens on click and can
 * be unlinked. Titles, relations and subtitles may come from a merged copy or an import: spelled
 * out, and one flag (first, where the cut-off line still shows it) says so for the whole entry.
 */
export function LinkedItems({ itemId, first, total, onChanged, onAdd }: { itemId: string; first: LinkedItem[]; total: number; onChanged: () => void; onAdd: () => void }) {
  const openItem = useApp((s) => s.openItem);
  const showNotice = useApp((s) => s.showNotice);
  const [offset, setOffset] = useState(0);
  const page = useQuery(
    ['linked', itemId, offset],
    (items: LinkedItem[] | undefined): Topic[] => ['links', ...new Set((items ?? []).map((l) => l.kind))],
    () => call('links.list', { id: itemId, offset, limit: PAGE }),
    { enabled: offset > 0 },
  );
  const linked = offset === 0 ? first : (page.data ?? []);
  const pageEnd = Math.min(total, offset + PAGE);
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
          Linked items <span className="count">{formatCount(total)}</span>
        </h3>
        <button type="button" className="btn btn-sm" onClick={onAdd}>
          <Icon name="link" size={14} /> Add link
        </button>
      </div>
      <QueryError what="these links" error={page.error} />
      {total === 0 ? (
        <p className="muted small">Nothing linked yet. Link orders to the domains they cover, evidence to what it shows, people to their organisations.</p>
      ) : (
        <ul className="linked-list" aria-label="Linked items">
          {linked.map((item) => {
            const sub = `${item.direction === 'outgoing' ? `${item.relation} →` : `← ${item.relation}`} · ${KIND_LABEL[item.kind]}${item.subtitle ? ` · ${item.subtitle}` : ''}`;
            const hidden = hasHiddenCharacters(item.title) || hasHiddenCharacters(sub);
            return (
              <li key={item.link_id} className="linked-item">
                <button type="button" className="linked-open" onClick={() => openItem(item.kind, item.id)} title={`Open ${KIND_LABEL[item.kind].toLowerCase()}`}>
                  <span className={`kind-dot kind-${item.kind}`} aria-hidden="true" />
                  <span className="linked-main">
                    <span className="linked-title truncate">
                      {hidden ? <HiddenCharactersFlag what="This linked item" flag="icon" /> : null}
                      {displayText(item.title)}
                    </span>
                    <span className="linked-sub truncate">{displayText(sub)}</span>
                  </span>
                </button>
                <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={() => void unlink(item)} aria-label={`Remove link to ${displayText(item.title)}`} title="Remove link">
                  <Icon name="unlink" size={14} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {total > PAGE ? (
        <nav className="linked-pager" aria-label="Linked items pages">
          <button type="button" className="btn btn-sm" onClick={() => setOffset(Math.max(0, offset - PAGE))} disabled={offset === 0}>
            Previous
          </button>
          <span className="muted small" role="status">
            {formatCount(offset + 1)}–{formatCount(pageEnd)} of {formatCount(total)}
          </span>
          <button type="button" className="btn btn-sm" onClick={() => setOffset(offset + PAGE)} disabled={pageEnd >= total}>
            Next
          </button>
        </nav>
      ) : null}
    </section>
  );
}
