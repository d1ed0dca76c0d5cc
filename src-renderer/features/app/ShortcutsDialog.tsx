import { Dialog } from '../../components/Dialog';
import { modifierLabel } from '../palette/CommandPalette';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const mod = modifierLabel();
  const rows: [string, string][] = [
    [`${mod}K`, 'Search the case, run a command'],
    [`${mod}1 … ${mod}9`, 'Overview, Evidence, Websites, Court orders, Stakeholders, Notes, Timeline, Graph, Audit'],
    [`${mod}N`, 'New case'],
    [`${mod}O`, 'Open case'],
    [`${mod}I`, 'Import evidence files'],
    ['↑ ↓  PgUp PgDn  Home End', 'Move through a list (the details follow the selection)'],
    ['Tab / Shift+Tab', 'Move between controls'],
    ['Esc', 'Close a dialog'],
    [`${mod}/`, 'This list'],
  ];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} width={560}>
      <table className="shortcut-table">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
