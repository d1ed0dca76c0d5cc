import type { Note } from '../../../src-main/contract/records';
import { call } from '../../api';
import { formatDate } from '../../components/labels';
import { Markdown } from '../../components/Markdown';
import { UntrustedCell } from '../../components/UntrustedCell';
import type { ItemKindConfig } from '../items/ItemKindConfig';
import { NoteEditor } from './NoteEditor';

function NoteBody({ item }: { item: Note }) {
  return (
    <section className="detail-section" aria-label="Note text">
      {item.body.trim() ? <Markdown source={item.body} /> : <p className="muted small">This note has no text.</p>}
    </section>
  );
}

export const noteConfig: ItemKindConfig<'note'> = {
  kind: 'note',
  title: 'Notes',
  singular: 'Note',
  icon: 'note',
  createLabel: 'New note',
  filterPlaceholder: 'Filter by title…',
  emptyTitle: 'No notes yet',
  emptyHint: 'Write down findings, interviews and next steps in Markdown; link notes to what they are about.',
  columns: [
    { key: 'title', label: 'Title', width: 'minmax(240px, 3fr)', sortKey: 'title', render: (n) => <UntrustedCell text={n.title} what="The title" className="truncate cell-strong" /> },
    { key: 'author', priority: 2, label: 'Author', width: 'minmax(120px, 1fr)', render: (n) => <UntrustedCell text={n.created_by} what="The name" /> },
    { key: 'created', priority: 2, label: 'Written', width: '150px', sortKey: 'created', render: (n) => <span className="faint-date">{formatDate(n.created_at)}</span> },
    { key: 'updated', priority: 3, label: 'Changed', width: '150px', sortKey: 'updated', render: (n) => <span className="faint-date">{formatDate(n.updated_at)}</span> },
  ],
  titleOf: (n) => n.title,
  subtitleOf: (n) => `${n.created_by} · ${formatDate(n.created_at)}`,
  detailFields: [],
  editFields: [],
  update: (id, patch, expectedHlc) => call('notes.update', { id, patch, expectedHlc }),
  Editor: NoteEditor,
  Extras: NoteBody,
};
