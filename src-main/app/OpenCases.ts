import path from 'node:path';
import type { CaseSummary } from '../contract/DossierApi';
import type { IpcResult } from '../contract/createDossierClient';
import type { CaseHost } from './worker/CaseWorker';

function keyOf(filePath: string): string {
  const resolved = path.resolve(filePath);
  // Windows and macOS file systems are case-insensitive by default: one file, one key.
  return process.platform === 'linux' ? resolved : resolved.toLowerCase();
}

/**
 * Which window has which case file open. A case file is open in one window at a time: a second
 * window would hold a second connection and, worse, two people's views of "the" case diverge.
 */
export class OpenCases {
  private readonly owners = new Map<string, number>();

  ownerOf(filePath: string): number | undefined {
    return this.owners.get(keyOf(filePath));
  }

  /** Claims a path for a window; false if another window holds it. */
  claim(filePath: string, windowId: number): boolean {
    const owner = this.ownerOf(filePath);
    if (owner !== undefined && owner !== windowId) return false;
    this.owners.set(keyOf(filePath), windowId);
    return true;
  }

  release(filePath: string, windowId: number): void {
    if (this.ownerOf(filePath) === windowId) this.owners.delete(keyOf(filePath));
  }

  releaseWindow(windowId: number): void {
    for (const [key, owner] of this.owners) if (owner === windowId) this.owners.delete(key);
  }
}

export interface CaseWindowEvents {
  onOpened(summary: CaseSummary): void;
  onClosed(): void;
  /** Another window already has the file: main focuses it. */
  onAlreadyOpen(ownerWindowId: number): void;
}

const OPENING = new Set(['case.open', 'case.create']);

/**
 * Wraps a window's case host so main learns which case the window shows (title, recent list)
 * and so one file is never open in two windows.
 */
export function trackedCaseHost(host: CaseHost, windowId: number, openCases: OpenCases, events: CaseWindowEvents): CaseHost {
  let current: string | null = null;
  return {
    close: () => host.close(),
    async invoke(channel: string, request: unknown): Promise<IpcResult> {
      const target = OPENING.has(channel) ? (request as { path?: unknown } | null)?.path : undefined;
      if (typeof target === 'string') {
        if (!openCases.claim(target, windowId)) {
          const owner = openCases.ownerOf(target)!;
          events.onAlreadyOpen(owner);
          return { ok: false, error: { code: 'CASE_FILE_LOCKED', message: `${target} is already open in another Dossier window.` } };
        }
      }
      const result = await host.invoke(channel, request);
      if (typeof target === 'string') {
        if (result.ok) {
          const summary = result.value as CaseSummary;
          if (current && keyOf(current) !== keyOf(summary.path)) openCases.release(current, windowId);
          current = summary.path;
          openCases.claim(summary.path, windowId);
          events.onOpened(summary);
        } else if (!current || keyOf(current) !== keyOf(target)) {
          openCases.release(target, windowId);
        }
      } else if (channel === 'case.close' && result.ok && current) {
        openCases.release(current, windowId);
        current = null;
        events.onClosed();
      }
      return result;
    },
  };
}
