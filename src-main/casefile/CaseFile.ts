import type { Actor } from './Actor';
import type { HybridLogicalClock } from './HybridLogicalClock';
import type { ReadableDb } from './openDatabase';

/** An open case file: the connection, where it lives, who is working in it, and its clock. */
export interface CaseFile {
  /** Writable unless opened for a read command; write paths get it through `writableDb`. */
  readonly db: ReadableDb;
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
