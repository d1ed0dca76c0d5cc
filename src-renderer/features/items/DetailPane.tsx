import { useState } from 'react';
import type { ItemKind } from '../../../src-main/contract/enums';
import type { ItemByKind } from '../../../src-main/contract/records';
import { call, toDossierError } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { displayText, hasHiddenCharacters } from '../../components/displayText';
import { FormDialog } from '../../components/FormDialog';
import { Icon } from '../../components/Icon';
import { formatDate, KIND_LABEL } from '../../components/labels';
import { HiddenCharactersFlag, UntrustedText } from '../../components/UntrustedText';
import { useApp } from '../app/appStore';
import { HistoryList } from './HistoryList';
import { FieldList } from './FieldList';
import type { ItemKindConfig } from './ItemKindConfig';
import { itemLists, useSelection } from './itemStores';
import { LinkedItems } from './LinkedItems';
import { LinkPicker } from './LinkPicker';
import { useItemDetail } from './useItemDetail';

/**
 * The right-hand pane: one item's fields, kind-specific sections, linked items and history. Every
 * stored text it shows (title, names, values) may come from a teammate's merged copy or an import:
 * through UntrustedText/displayText. The title's flag is a note under the heading, so the
 * heading's name is the title alone.
 */
export function DetailPane<K extends ItemKind>({ config, id, onClose }: { config: ItemKindConfig<K>; id: string; onClose?: () => void }) {
  const { detail, error, reload } = useItemDetail(id);
  const changed = useApp((s) => s.changed);
  const showNotice = useApp((s) => s.showNotice);
  const select = useSelection((s) => s.select);
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const close = onClose ?? (() => select(config.kind, null));

  if (error) {
    return (
      <aside className="detail" data-pane="detail" aria-label="Details">
        <div className="detail-empty" role="alert">
          {error}
        </div>
      </aside>
    );
  }
  if (!detail) {
    return (
      <aside className="detail" data-pane="detail" aria-label="Details" aria-busy="true">
        <div className="detail-empty muted">Loading…</div>
      </aside>
    );
  }
  const item = detail.item as ItemByKind[K];
  const title = config.titleOf(item);
  const subtitle = config.subtitleOf(item);
  const Extras = config.Extras;
  const ExtrasTop = config.ExtrasTop;

  async function remove() {
    try {
      await call('items.delete', { id });
      setDeleting(false);
      close();
      changed([config.kind, 'links'], { rows: true });
    } catch (raw) {
      setDeleting(false);
      showNotice({ title: `Could not delete this ${config.singular.toLowerCase()}`, message: toDossierError(raw).message });
    }
  }

  return (
    <aside className="detail" data-pane="detail" aria-label={`${config.singular} details`}>
      <header className="detail-header">
        <div className="detail-kind">
          <span className={`kind-dot kind-${config.kind}`} aria-hidden="true" /> {KIND_LABEL[config.kind]}
        </div>
        <h2 className="detail-title">{displayText(title)}</h2>
        {hasHiddenCharacters(title) ? <HiddenCharactersFlag flag="note" what="The title" /> : null}
        {subtitle ? (
          <div className="detail-subtitle">
            <UntrustedText text={subtitle} what="This line" />
          </div>
        ) : null}
        <div className="detail-actions">
          <button type="button" className="btn btn-sm" onClick={() => setEditing(true)}>
            <Icon name="edit" size={14} /> Edit
          </button>
          <button type="button" className="btn btn-sm" onClick={() => setLinking(true)}>
            <Icon name="link" size={14} /> Link…
          </button>
          <button type="button" className="btn btn-sm btn-ghost btn-danger" onClick={() => setDeleting(true)}>
            <Icon name="trash" size={14} /> Delete
          </button>
          <button type="button" className="btn btn-sm btn-ghost btn-icon detail-close" onClick={close} aria-label="Close details" title="Close details">
            <Icon name="close" size={14} />
          </button>
        </div>
      </header>
      <div className="detail-scroll">
        {ExtrasTop ? <ExtrasTop item={item} reload={reload} /> : null}
        {config.detailFields.length ? <FieldList fields={config.detailFields} item={item} /> : null}
        {Extras ? <Extras item={item} reload={reload} /> : null}
        <LinkedItems
          key={id}
          itemId={id}
          first={detail.linked}
          total={detail.linkedTotal}
          onAdd={() => setLinking(true)}
          onChanged={() => {
            changed(['links']);
          }}
        />
        <HistoryList current={item as unknown as Record<string, unknown>} history={detail.history} />
        <section className="detail-section detail-meta" aria-label="Record">
          <div>
            Created by <UntrustedText text={item.created_by} what="The name" /> · {formatDate(item.created_at)}
          </div>
          <div>
            Last changed by <UntrustedText text={item.updated_by} what="The name" /> · {formatDate(item.updated_at)}
          </div>
          <div className="mono faint break-all">id {item.id}</div>
        </section>
      </div>

      {editing && config.Editor ? (
        <config.Editor
          item={item}
          onSaved={(saved) => {
            setEditing(false);
            itemLists[config.kind].getState().patchRow((row) => row.id === id, saved);
            changed([config.kind]);
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {editing && !config.Editor ? (
        <FormDialog
          title={`Edit ${config.singular.toLowerCase()}`}
          description={displayText(title)}
          fields={config.editFields}
          initial={item as unknown as Record<string, unknown>}
          mode="edit"
          submitLabel="Save changes"
          onSubmit={(patch) => config.update(id, patch, item.hlc)}
          onSaved={(saved) => {
            setEditing(false);
            itemLists[config.kind].getState().patchRow((row) => row.id === id, saved as ItemByKind[K]);
            changed([config.kind]);
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {linking ? (
        <LinkPicker
          fromId={id}
          fromTitle={title}
          linkedIds={new Set(detail.linked.map((l) => l.id))}
          onLinked={() => {
            changed(['links']);
          }}
          onClose={() => setLinking(false)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete this ${config.singular.toLowerCase()}?`}
          message={
            <>
              <strong>
                <UntrustedText text={title} what="The title" />
              </strong>{' '}
              leaves lists, search and the graph. Its last version is kept in the case history and the audit log records the deletion.
            </>
          }
          confirmLabel="Delete"
          danger
          onConfirm={() => void remove()}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </aside>
  );
}
