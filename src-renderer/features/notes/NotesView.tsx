import { ItemsView } from '../items/ItemsView';
import { noteConfig } from './noteConfig';

export function NotesView() {
  return <ItemsView config={noteConfig} />;
}
