import type { CaseFile } from '../casefile/CaseFile';
import { nowIso } from '../casefile/ids';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import { captureExhibitInput } from '../captures/captureExhibit';
import { readEvidenceStream } from '../evidence/readEvidenceStream';
import { formatBates } from './formatBates';
import type { ExhibitInput, PacketInput } from './PacketInput';
import { sharedBatesLabel } from './sharedBatesLabel';

/**
 * A production: one export of a filing packet as the case records it (table `production`,
 * migration 0090). Its Bates numbers are frozen: re-exporting it renders the same frozen input
 * again and gives the same bytes.
 */
export interface Production {
  id: string;
  createdAt: string;
  createdBy: string;
  /** The case as of this time is what the production's pages show. */
  cutoffAt: string;
  draft: boolean;
  batesPrefix: string;
  batesPadding: number;
  batesFirst: number;
  batesLast: number;
  exhibitIds: string[];
  /** Exported over a failing check with --force. */
  forced: boolean;
}

/** The packet input without its functions: what a production's pages state, as stored. */
type FrozenExhibit = Omit<ExhibitInput, 'readBytes' | 'readChunks' | 'capture'>;
type FrozenInput = Omit<PacketInput, 'exhibits'> & { exhibits: FrozenExhibit[] };

interface ProductionRow {
  id: string;
  created_at: string;
  created_by: string;
  cutoff_at: string;
  draft: number;
  bates_prefix: string;
  bates_padding: number;
  bates_first: number;
  bates_last: number;
  exhibit_ids: string;
  frozen_input: string;
  forced: number;
}

function fromRow(row: ProductionRow): Production {
  return {
    id: row.id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    cutoffAt: row.cutoff_at,
    draft: row.draft === 1,
    batesPrefix: row.bates_prefix,
    batesPadding: row.bates_padding,
    batesFirst: row.bates_first,
    batesLast: row.bates_last,
    exhibitIds: JSON.parse(row.exhibit_ids) as string[],
    forced: row.forced === 1,
  };
}

/**
 * How an exhibit's bytes are read for a packet: from the vault by content hash, one exhibit at a
 * time (the engine re-hashes them before printing any hash). Shared by a new production and a
 * re-export of a frozen one.
 */
export function exhibitReaders(caseFile: CaseFile, evidenceId: string, contentSha256: string): Pick<ExhibitInput, 'readBytes' | 'readChunks' | 'capture'> {
  return {
    readBytes: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of readEvidenceStream(caseFile, contentSha256)) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
    readChunks: () => readEvidenceStream(caseFile, contentSha256),
    // Web captures show their pages (src-main/captures); null for any other exhibit.
    capture: () => captureExhibitInput(caseFile, evidenceId),
  };
}

/**
 * Whether the case file has this table: a read command opens an older case file read-only,
 * without upgrading it, so tables of migration 0090 may be missing (then it has no productions
 * and no caption yet).
 */
export function hasTable(caseFile: CaseFile, name: string): boolean {
  return prepareCached(caseFile.db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/*
 * Bates prefixes are compared without regard to case: "msft-000005" and "MSFT-000005" are the
 * same page number to a reader, so one may not be used for two pages. (Prefixes are ASCII, which
 * is what NOCASE folds.)
 */

/** The first Bates number of a new production with this prefix: one after the last non-draft production's. */
export function nextBatesStart(caseFile: CaseFile, prefix: string): number {
  if (!hasTable(caseFile, 'production')) return 1;
  const last = prepareCached(caseFile.db, 'SELECT max(bates_last) FROM production WHERE bates_prefix = ? COLLATE NOCASE AND draft = 0').pluck().get(prefix) as number | null;
  return last === null ? 1 : last + 1;
}

/**
 * Non-draft productions whose pages would share a page number with the run [first, last] of this
 * prefix and padding, each with the first label of the run it already stamped: the same prefix
 * with overlapping numbers, or any prefix and padding that print the same label (prefix "STORM-0"
 * padding 5 prints STORM-000001 like prefix "STORM-" padding 6).
 */
export function overlappingProductions(caseFile: CaseFile, bates: { prefix: string; padding: number }, first: number, last: number): { production: Production; label: string }[] {
  if (!hasTable(caseFile, 'production')) return [];
  const rows = prepareCached(caseFile.db, 'SELECT * FROM production WHERE draft = 0 ORDER BY bates_first, id').all() as ProductionRow[];
  const run = { ...bates, first, last };
  const taken: { production: Production; label: string }[] = [];
  for (const row of rows) {
    const samePrefix = row.bates_prefix.toUpperCase() === bates.prefix.toUpperCase() && row.bates_first <= last && row.bates_last >= first;
    const label = samePrefix
      ? formatBates(bates, Math.max(first, row.bates_first))
      : sharedBatesLabel(run, { prefix: row.bates_prefix, padding: row.bates_padding, first: row.bates_first, last: row.bates_last });
    if (label !== null) taken.push({ production: fromRow(row), label });
  }
  return taken;
}

/** Every production of the case, oldest first. */
export function listProductions(caseFile: CaseFile): Production[] {
  if (!hasTable(caseFile, 'production')) return [];
  return (prepareCached(caseFile.db, 'SELECT * FROM production ORDER BY created_at, id').all() as ProductionRow[]).map(fromRow);
}

/** A production and the packet input frozen with it, ready to render again. */
export function loadProduction(caseFile: CaseFile, id: string): { production: Production; input: PacketInput } {
  const row = prepareCached(caseFile.db, 'SELECT * FROM production WHERE id = ?').get(id) as ProductionRow | undefined;
  if (!row) throw new DossierError('NOT_FOUND', `No production with id ${id} in this case; "dossier productions FILE" lists them.`);
  const frozen = JSON.parse(row.frozen_input) as FrozenInput;
  return {
    production: fromRow(row),
    input: { ...frozen, exhibits: frozen.exhibits.map((ex) => ({ ...ex, ...exhibitReaders(caseFile, ex.id, ex.sha256) })) },
  };
}

/** The input as stored: functions dropped (bytes stay in the vault, addressed by their SHA-256). */
function freeze(input: PacketInput): string {
  const frozen: FrozenInput = { ...input, exhibits: input.exhibits.map(({ readBytes: _r, readChunks: _c, capture: _p, ...rest }) => rest) };
  return JSON.stringify(frozen);
}

/**
 * Records a new production. Runs in the transaction that publishes the packet (exportCasePacket),
 * so the numbers are consumed exactly when the file exists.
 */
export function recordProduction(
  caseFile: CaseFile,
  production: { id: string; cutoffAt: string; input: PacketInput; batesLast: number; forced: boolean },
): void {
  const { bates } = production.input.options;
  prepareCached(
    caseFile.db,
    `INSERT INTO production (id, created_at, created_by, cutoff_at, draft, bates_prefix, bates_padding, bates_first, bates_last, exhibit_ids, frozen_input, forced, hlc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    production.id, nowIso(), caseFile.actor.name, production.cutoffAt, bates.draft ? 1 : 0, bates.prefix, bates.padding, bates.start, production.batesLast,
    JSON.stringify(production.input.exhibits.map((e) => e.id)), freeze(production.input), production.forced ? 1 : 0, caseFile.clock.tick(),
  );
}
