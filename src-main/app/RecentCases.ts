import fs from 'node:fs';
import path from 'node:path';
import type { RecentCase } from '../contract/DossierShell';

const MAX_RECENT = 12;

/**
 * The recent-cases list, kept as JSON in the app's user-data folder. Paths and titles only: no
 * case content leaves the case file. A damaged list is reset rather than blocking start-up.
 */
export class RecentCases {
  constructor(private readonly file: string) {}

  list(): RecentCase[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return [];
    }
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((e): e is RecentCase => !!e && typeof e.path === 'string' && typeof e.title === 'string' && typeof e.openedAt === 'string')
      .slice(0, MAX_RECENT);
  }

  /** Moves a case to the top of the list. */
  add(entry: RecentCase): RecentCase[] {
    const next = [entry, ...this.list().filter((e) => path.resolve(e.path) !== path.resolve(entry.path))].slice(0, MAX_RECENT);
    this.write(next);
    return next;
  }

  remove(filePath: string): RecentCase[] {
    const next = this.list().filter((e) => path.resolve(e.path) !== path.resolve(filePath));
    this.write(next);
    return next;
  }

  clear(): void {
    this.write([]);
  }

  private write(entries: RecentCase[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(entries, null, 2));
    fs.renameSync(temp, this.file);
  }
}
