/** Events main sends to the UI (progress of long work), typed like DossierApi. */
export interface TaskProgress {
  taskId: string;
  phase: string;
  done: number;
  total: number | null;
  unit: 'bytes' | 'rows' | 'pages' | 'items';
  message?: string;
}

export interface DossierEvents {
  'task.progress': TaskProgress;
  'case.changed': { path: string };
}

export type EventName = keyof DossierEvents;
