import { create } from 'zustand';
import { call, newTaskId, onEvent, toDossierError } from '../api';
import type { TaskProgress } from '../../src-main/contract/events';

export interface Task {
  id: string;
  label: string;
  progress: TaskProgress | null;
  state: 'running' | 'cancelling' | 'done' | 'failed' | 'cancelled';
  message: string | null;
}

interface TasksState {
  tasks: Task[];
  /** Runs long work under a task id the server reports progress for; the tray shows it. */
  run<T>(label: string, work: (taskId: string) => Promise<T>): Promise<T>;
  cancel(taskId: string): Promise<void>;
  dismiss(taskId: string): void;
  onProgress(progress: TaskProgress): void;
}

export const useTasks = create<TasksState>((set, get) => ({
  tasks: [],
  async run(label, work) {
    const id = newTaskId('task');
    set((s) => ({ tasks: [...s.tasks, { id, label, progress: null, state: 'running', message: null }] }));
    const update = (patch: Partial<Task>) => set((s) => ({ tasks: s.tasks.map((t) => (t.id === id ? { ...t, ...patch } : t)) }));
    try {
      const result = await work(id);
      update({ state: 'done', message: null });
      setTimeout(() => get().dismiss(id), 2500);
      return result;
    } catch (raw) {
      const error = toDossierError(raw);
      update({ state: error.code === 'CANCELLED' ? 'cancelled' : 'failed', message: error.message });
      throw error;
    }
  },
  async cancel(taskId) {
    set((s) => ({ tasks: s.tasks.map((t) => (t.id === taskId ? { ...t, state: 'cancelling' } : t)) }));
    await call('tasks.cancel', { taskId });
  },
  dismiss(taskId) {
    set((s) => ({ tasks: s.tasks.filter((t) => t.id !== taskId) }));
  },
  onProgress(progress) {
    set((s) => ({ tasks: s.tasks.map((t) => (t.id === progress.taskId ? { ...t, progress } : t)) }));
  },
}));

/** Wires server progress events to the store; call once at start-up. */
export function listenForTaskProgress(): () => void {
  return onEvent('task.progress', (progress) => useTasks.getState().onProgress(progress));
}
