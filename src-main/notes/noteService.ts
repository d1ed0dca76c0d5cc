import type { Note } from '../contract/records';
import { noteCreateSchema, noteUpdateSchema } from '../contract/schemas';
import type { RecordSpec } from '../records/RecordSpec';
import { recordService } from '../records/recordService';

export const noteSpec: RecordSpec<Note> = {
  kind: 'note',
  table: 'note',
  writable: ['title', 'body'],
  jsonColumns: [],
  sortable: { created: 'created_at', title: 'title', updated: 'updated_at' },
  filterColumns: ['title'],
  title: (row) => row.title,
  subtitle: (row) => `${row.created_by} · ${row.created_at.slice(0, 10)}`,
  searchText: (row) => ({ title: row.title, body: row.body }),
};

export const noteService = recordService(noteSpec, noteCreateSchema, noteUpdateSchema);
