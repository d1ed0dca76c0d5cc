import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import type { SearchHit } from '../../../src-main/contract/records';
import { call, toDossierError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { KIND_LABEL } from '../../components/labels';
import { Snippet } from '../../components/Snippet';
import { displayText } from '../../components/displayText';
import { UntrustedText } from '../../components/UntrustedText';

const RELATIONS = ['related', 'covers', 'evidence of', 'registrar of', 'registry of', 'hosts', 'served on', 'filed by', 'mentions', 'operated by', 'contact for'];

/** Finds any item by full-text search and links it to the current one with a relation. */
export function LinkPicker({ fromId, fromTitle, linkedIds, onLinked, onClose }: {
  fromId: string;
  fromTitle: string;
  linkedIds: Set<string>;
  onLinked: () => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [relation, setRelation] = useState('related');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const relationsId = useId();

  useEffect(() => {
    if (!text.trim()) {
      setHits([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('search.query', { text, limit: 30 })
        .then((found) => {
          if (!live) return;
          setHits(found.filter((h) => h.id !== fromId));
          setActive(0);
        })
        .catch((raw) => live && setError(toDossierError(raw).message));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, fromId]);

  async function link(hit: SearchHit | undefined) {
    if (!hit) return;
    setError(null);
    try {
      await call('links.create', { from_id: fromId, to_id: hit.id, relation: relation.trim() || 'related' });
      onLinked();
      onClose();
    } catch (raw) {
      setError(toDossierError(raw).message);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void link(hits[active]);
    }
  }

  return (
    <Dialog title="Link to another item" description={<>From <strong><UntrustedText text={fromTitle} what="The title" /></strong></>} onClose={onClose} width={620}>
      <div className="link-picker">
        <div className="link-picker-controls">
          <div className="field grow">
            <label className="field-label" htmlFor={`${listId}-q`}>
              Find item
            </label>
            <input
              id={`${listId}-q`}
              className="input"
              autoFocus
              placeholder="Search evidence, websites, orders, people, notes…"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
              role="combobox"
              aria-expanded={hits.length > 0}
              aria-controls={listId}
              aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
            />
          </div>
          <div className="field relation-field">
            <label className="field-label" htmlFor={`${listId}-rel`}>
              Relation
            </label>
            <input id={`${listId}-rel`} className="input" list={relationsId} value={relation} onChange={(e) => setRelation(e.target.value)} />
            <datalist id={relationsId}>
              {RELATIONS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </div>
        </div>
        {error ? (
          <div className="form-error" role="alert">
            {error}
          </div>
        ) : null}
        <ul id={listId} className="pick-list" role="listbox" aria-label="Search results">
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`pick-item ${index === active ? 'is-active' : ''}`}
              onMouseEnter={() => setActive(index)}
              onClick={() => void link(hit)}
            >
              <span className={`kind-dot kind-${hit.kind}`} aria-hidden="true" />
              <span className="pick-main">
                <span className="pick-title truncate">{displayText(hit.title)}</span>
                <span className="pick-sub truncate">
                  <Snippet parts={hit.snippet_parts} />
                </span>
              </span>
              <span className="badge">{KIND_LABEL[hit.kind]}</span>
              {linkedIds.has(hit.id) ? <span className="badge tone-info">linked</span> : null}
            </li>
          ))}
          {text.trim() && hits.length === 0 ? <li className="pick-empty muted">No matching items.</li> : null}
          {!text.trim() ? <li className="pick-empty muted">Type to search the whole case. Enter links the highlighted item.</li> : null}
        </ul>
      </div>
    </Dialog>
  );
}
