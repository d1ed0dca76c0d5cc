import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../../src-main/contract/records';
import { call, shell, toDossierError } from '../../api';
import { Icon } from '../../components/Icon';
import { KIND_LABEL } from '../../components/labels';
import { Snippet } from '../../components/Snippet';
import { UntrustedText } from '../../components/UntrustedText';
import { useApp } from '../app/appStore';
import { type PaletteCommand, paletteCommands } from './paletteCommands';

type Entry = { type: 'hit'; hit: SearchHit } | { type: 'command'; command: PaletteCommand };

export function modifierLabel(): string {
  return shell()?.platform === 'darwin' ? '⌘' : 'Ctrl+';
}

/**
 * Ctrl/Cmd+K: one box to search the whole case (full text over every item) and run any
 * command. ↑/↓ move, Enter runs, Esc closes.
 */
export function CommandPalette() {
  const setOpen = useApp((s) => s.setPaletteOpen);
  const openItem = useApp((s) => s.openItem);
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const commands = useMemo(() => paletteCommands(modifierLabel()), []);

  useEffect(() => {
    const dialog = dialogRef.current;
    const previous = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      previous?.focus?.();
    };
  }, []);

  useEffect(() => {
    if (!text.trim()) {
      setHits([]);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('search.query', { text, limit: 25 })
        .then((found) => {
          if (!live) return;
          setHits(found);
          setError(null);
        })
        .catch((raw) => live && setError(toDossierError(raw).message));
    }, 100);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const needle = text.trim().toLowerCase();
  const matchingCommands = commands.filter((c) => !needle || `${c.label} ${c.keywords}`.toLowerCase().includes(needle)).slice(0, needle ? 6 : 40);
  const entries: Entry[] = [...hits.map((hit): Entry => ({ type: 'hit', hit })), ...matchingCommands.map((command): Entry => ({ type: 'command', command }))];
  useEffect(() => setActive(0), [text, hits.length]);

  function run(entry: Entry | undefined) {
    if (!entry) return;
    setOpen(false);
    if (entry.type === 'hit') openItem(entry.hit.kind, entry.hit.id);
    else entry.command.run();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(entries.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(entries[active]);
    }
  }

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-label="Search and commands"
      onCancel={(e) => {
        e.preventDefault();
        setOpen(false);
      }}
      onClick={(e) => {
        if (e.target === dialogRef.current) setOpen(false);
      }}
    >
      <div className="palette-input-row">
        <Icon name="search" size={18} />
        <input
          className="palette-input"
          autoFocus
          placeholder="Search the case or type a command…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={entries[active] ? `${listId}-${active}` : undefined}
          aria-label="Search the case or type a command"
        />
        <kbd>Esc</kbd>
      </div>
      {error ? <div className="palette-error">{error}</div> : null}
      <ul id={listId} className="palette-list" role="listbox" aria-label="Results">
        {hits.length ? <li className="palette-group" role="presentation">Items</li> : null}
        {entries.map((entry, index) => {
          const isActive = index === active;
          const groupStart = entry.type === 'command' && index === hits.length;
          return (
            <li key={entry.type === 'hit' ? `h-${entry.hit.id}` : `c-${entry.command.id}`} role="presentation">
              {groupStart ? <div className="palette-group">Commands</div> : null}
              <div
                id={`${listId}-${index}`}
                role="option"
                aria-selected={isActive}
                className={`palette-item ${isActive ? 'is-active' : ''}`}
                onMouseMove={() => setActive(index)}
                onClick={() => run(entry)}
              >
                {entry.type === 'hit' ? (
                  <>
                    <span className={`kind-dot kind-${entry.hit.kind}`} aria-hidden="true" />
                    <span className="palette-main">
                      <span className="palette-title truncate">
                        <UntrustedText text={entry.hit.title} what="The title" flag="icon" flagFirst />
                      </span>
                      <span className="palette-sub truncate">
                        <Snippet parts={entry.hit.snippet_parts} />
                      </span>
                    </span>
                    <span className="badge">{KIND_LABEL[entry.hit.kind]}</span>
                  </>
                ) : (
                  <>
                    <Icon name={entry.command.icon} size={15} />
                    <span className="palette-main">
                      <span className="palette-title">{entry.command.label}</span>
                    </span>
                    {entry.command.shortcut ? <kbd>{entry.command.shortcut}</kbd> : null}
                  </>
                )}
              </div>
            </li>
          );
        })}
        {needle && entries.length === 0 ? <li className="palette-empty muted">Nothing found for “{text}”.</li> : null}
      </ul>
    </dialog>
  );
}
