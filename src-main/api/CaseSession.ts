import type { Actor } from '../casefile/Actor';
import type { CaseFile } from '../casefile/CaseFile';
import { closeCaseFile } from '../casefile/openCaseFile';
import { DossierError } from '../contract/errors';
import type { TaskProgress } from '../contract/events';
import type { IdentityVault } from '../share/identityVault';

/** The case file a window (or a test page) works on, and who works in it. */
export class CaseSession {
  private current: CaseFile | null = null;

  constructor(
    readonly actor: Actor,
    /** Where progress of long work is sent (the window, the test page). */
    readonly emitProgress: (progress: TaskProgress) => void = () => {},
    /** Where the user's sharing identity is kept (the app: safeStorage in user data); none in tests that do not share. */
    readonly identityVault?: IdentityVault,
  ) {}

  private readonly tasks = new Map<string, AbortController>();

  /** Registers long work so the UI can cancel it; `report` sends progress to the UI. */
  startTask(taskId: string | undefined): { signal: AbortSignal; report: (p: Omit<TaskProgress, 'taskId'>) => void; finish: () => void } {
    const id = taskId ?? `task-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const controller = new AbortController();
    this.tasks.set(id, controller);
    return {
      signal: controller.signal,
      report: (progress) => this.emitProgress({ ...progress, taskId: id }),
      finish: () => this.tasks.delete(id),
    };
  }

  cancelTask(taskId: string): void {
    this.tasks.get(taskId)?.abort();
  }

  get caseFile(): CaseFile {
    if (!this.current) throw new DossierError('NO_CASE_OPEN', 'No case file is open; create or open one first.');
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  replace(next: CaseFile): void {
    this.close();
    this.current = next;
  }

  close(): void {
    if (this.current) closeCaseFile(this.current);
    this.current = null;
  }
}
