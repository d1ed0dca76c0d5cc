import fs from 'node:fs';
import os from 'node:os';
import { isProcessRunning } from '../outputs/sweepStaleFiles';

/** Which process runs an import, recorded in its start entry so others can tell running from killed. */
export interface ImportProcess {
  pid: number;
  host: string;
  /** Linux: this boot's id and the process's start time (clock ticks since boot), so a pid reused later is not taken for it. */
  boot: string | null;
  started: string | null;
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/PID/stat (starttime); the command name before it may hold spaces and parentheses. */
function startTicks(pid: number): string | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

/** This process, as an import's start entry records it. */
export function thisImportProcess(): ImportProcess {
  return { pid: process.pid, host: os.hostname(), boot: readOrNull('/proc/sys/kernel/random/boot_id'), started: startTicks(process.pid) };
}

/**
 * Whether the process that started an import still runs: same computer, and on Linux same boot
 * and same process start time (a pid reused since is another process). Imports recorded before
 * this was written (no process) and imports from another computer count as not running.
 */
export function isImportRunning(recorded: unknown): boolean {
  const p = recorded as Partial<ImportProcess> | null | undefined;
  if (!p || typeof p.pid !== 'number' || p.host !== os.hostname()) return false;
  const now = thisImportProcess();
  if (p.boot && now.boot && p.boot !== now.boot) return false;
  if (!isProcessRunning(p.pid)) return false;
  return !(p.started && now.started) || startTicks(p.pid) === p.started;
}
