import { useCallback, useState } from 'react';
import { useTasks } from '../../data/tasksStore';

/**
 * Long work started from a dialog: it runs as a task (progress events, Cancel, the tray) and the
 * dialog learns its id to show the progress inline.
 */
export function useDialogTask(): { taskId: string | null; run: <T>(label: string, work: (taskId: string) => Promise<T>) => Promise<T> } {
  const [taskId, setTaskId] = useState<string | null>(null);
  const run = useCallback(
    <T,>(label: string, work: (taskId: string) => Promise<T>) =>
      useTasks.getState().run(label, (id) => {
        setTaskId(id);
        return work(id);
      }),
    [],
  );
  return { taskId, run };
}
