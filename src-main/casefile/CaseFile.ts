import type Database from 'better-sqlite3';
import type { Actor } from './Actor';
import type { HybridLogicalClock } from './HybridLogicalClock';

/** An open case file: the connection, where it lives, who is working in it, and its clock. */
export interface CaseFile {
  readonly db: Database.Database;
  readonly path: string;
  readonly actor: Actor;
  /** Audit chain of this device in this copy of the file (see replicaChain). */
  readonly chain: string;
  readonly clock: HybridLogicalClock;
}

/** `PRAGMA application_id` of every .dossier file: ASCII "DOSR". */
export const DOSSIER_APPLICATION_ID = 0x444f5352;

/** Evidence bytes dominate case files: 64 KiB pages measured fastest (DESIGN.md). */
export const CASE_FILE_PAGE_SIZE = 65536;
