import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { DossierError } from '../contract/errors';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/Migration';

/**
 * Brings a case file to the latest schema: all pending steps in one transaction, so a failure
 * leaves the file exactly at its old version. The caller takes a copy first (see backupBeforeMigrate).
 */
export function migrate(
  db: Database.Database,
  filePath: string,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new DossierError(
      'CASE_FILE_FROM_NEWER_VERSION',
      `${filePath} was written by a newer Dossier (schema ${from}; this version knows up to ${latest}). Update Dossier to open it.`,
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  try {
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
    }).immediate();
  } catch (error) {
    // A locked, read-only or full file is named as such (classified by openDatabase).
    if (error instanceof DossierError) throw error;
    throw new DossierError(
      'MIGRATION_FAILED',
      `Could not upgrade ${filePath} from schema ${from}: ${(error as Error).message}. The file was left unchanged.`,
    );
  }
  return { from, to: latest };
}

/** Copy of the file taken before an upgrade, named after the version it holds. */
export function backupBeforeMigrate(filePath: string, fromVersion: number): string {
  let backupPath = `${filePath}.schema-v${fromVersion}.bak`;
  if (fs.existsSync(backupPath)) backupPath = `${filePath}.schema-v${fromVersion}.${Date.now()}.bak`;
  fs.copyFileSync(filePath, backupPath, fs.constants.COPYFILE_EXCL);
  return backupPath;
}
