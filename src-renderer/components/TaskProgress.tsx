import { useTasks } from '../data/tasksStore';
import { formatBytes } from './labels';
import { taskPhaseLabel } from '../../src-main/contract/taskPhaseLabel';

function amount(n: number, unit: string): string {
  return unit === 'bytes' ? formatBytes(n) : `${n.toLocaleString('en-US')} ${unit}`;
}

/** One running task's progress bar and Cancel button, inside the dialog that started it. */
export function TaskProgress({ taskId, label }: { taskId: string | null; label: string }) {
  const task = useTasks((s) => s.tasks.find((t) => t.id === taskId) ?? null);
  const cancel = useTasks((s) => s.cancel);
  const p = task?.progress ?? null;
  const fraction = p && p.total ? Math.min(1, p.done / p.total) : null;
  return (
    <div className="task-progress" role="status" aria-live="polite">
      <div className="task-progress-head">
        <strong>{label}</strong>
        {task && task.state === 'running' ? (
          <button type="button" className="btn btn-sm" onClick={() => void cancel(task.id)}>
            Cancel
          </button>
        ) : task?.state === 'cancelling' ? (
          <span className="faint small">Cancelling…</span>
        ) : null}
      </div>
      <div
        className={`progress ${fraction === null ? 'is-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <span className="progress-fill" style={{ width: `${Math.round((fraction ?? 0) * 100)}%` }} />
      </div>
      <div className="faint small">{p ? `${taskPhaseLabel(p.phase)} · ${amount(p.done, p.unit)}${p.total ? ` of ${amount(p.total, p.unit)}` : ''}` : 'Starting…'}</div>
    </div>
  );
}
