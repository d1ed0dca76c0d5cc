import { displayText } from '../../components/displayText';
import { formatBytes } from '../../components/labels';
import { UntrustedCell } from '../../components/UntrustedCell';
import { UntrustedText } from '../../components/UntrustedText';
import { Icon } from '../../components/Icon';
import { useTasks } from '../../data/tasksStore';
import { taskPhaseLabel } from '../../../src-main/contract/taskPhaseLabel';

function progressText(done: number, total: number | null, unit: string): string {
  const fmt = (n: number) => (unit === 'bytes' ? formatBytes(n) : n.toLocaleString('en-US'));
  return total ? `${fmt(done)} of ${fmt(total)}` : fmt(done);
}

/** Long work (imports, verification, exports) with progress bars and Cancel. */
export function TaskTray() {
  const tasks = useTasks((s) => s.tasks);
  const cancel = useTasks((s) => s.cancel);
  const dismiss = useTasks((s) => s.dismiss);
  if (tasks.length === 0) return null;
  return (
    <div className="task-tray" role="region" aria-label="Running tasks" aria-live="polite">
      {tasks.map((task) => {
        const p = task.progress;
        const fraction = p && p.total ? Math.min(1, p.done / p.total) : null;
        return (
          <div key={task.id} className={`task task-${task.state}`}>
            <div className="task-head">
              <UntrustedCell text={task.label} what="The task's file name" className="task-label truncate" />
              {task.state === 'running' ? (
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => void cancel(task.id)}>
                  Cancel
                </button>
              ) : task.state === 'cancelling' ? (
                <span className="faint small">Cancelling…</span>
              ) : (
                <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Dismiss" onClick={() => dismiss(task.id)}>
                  <Icon name="close" size={12} />
                </button>
              )}
            </div>
            <div
              className={`progress ${fraction === null && task.state === 'running' ? 'is-indeterminate' : ''}`}
              role="progressbar"
              aria-label={displayText(task.label)}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
            >
              <span className="progress-fill" style={{ width: `${Math.round((task.state === 'done' ? 1 : (fraction ?? 0)) * 100)}%` }} />
            </div>
            <div className="task-foot faint small">
              {task.state === 'done' ? (
                'Done'
              ) : task.state === 'cancelled' ? (
                'Cancelled'
              ) : task.state === 'failed' ? (
                // A failure's message names the file as found on disk, as the label does.
                <UntrustedText text={task.message ?? ''} what="The message" flag="icon" />
              ) : p ? (
                <UntrustedText text={`${taskPhaseLabel(p.phase)} · ${progressText(p.done, p.total, p.unit)}${p.message ? ` · ${p.message}` : ''}`} what="The progress" flag="icon" />
              ) : (
                'Starting…'
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
