import { formatHlc, parseHlc } from '../casefile/HybridLogicalClock';

type Version = { id: string; hlc: string; created_at: string };

/**
 * How a live duplicate pair (the same domain, link or teammate key added on two copies) is settled,
 * as a pure function of the two rows, so every copy derives the same result in any merge order:
 * the smaller id stays live; the other is tombstoned at the later of the two creation times, under
 * a stamp derived from its own version's stamp (the same device part with `~dup`, which sorts just
 * after it). That stamp beats the live version on every copy that still has it, and any later edit
 * beats the tombstone.
 */
export function settleDuplicate<R extends Version>(a: R, b: R): { kept: R; dropped: R; deletedAt: string; stamp: string } {
  const [kept, dropped] = a.id < b.id ? [a, b] : [b, a];
  const deletedAt = a.created_at > b.created_at ? a.created_at : b.created_at;
  return { kept, dropped, deletedAt, stamp: tombstoneStamp(dropped.hlc) };
}

/** The stamp of the tombstone of a duplicate whose live version has `hlc`. */
export function tombstoneStamp(hlc: string): string {
  const parsed = parseHlc(hlc);
  // Old hand-made stamps that are not clock stamps still get a stamp sorting after them.
  if (!parsed) return `${hlc}~dup`;
  return formatHlc(parsed.ms, parsed.counter, `${parsed.device}~dup`);
}

/**
 * Whether a stamp is a duplicate tombstone's (tombstoneStamp), or a mix made from one (mixedStamp
 * keeps the newer version's device part): a deletion a merge derived from the pair, not one
 * anybody made.
 */
export function isTombstoneStamp(hlc: string): boolean {
  const device = parseHlc(hlc)?.device ?? hlc;
  return /~dup(?:$|~)/.test(device);
}

/**
 * A duplicate pair settled the way someone resolved it (`dossier conflicts resolve ... --keep`):
 * `survivorId` stays live, the other is tombstoned as settleDuplicate would. Every copy that holds
 * the resolution (it travels with merges) settles the pair alike.
 */
export function settleDuplicateAs<R extends Version>(survivorId: string, a: R, b: R): { kept: R; dropped: R; deletedAt: string; stamp: string } {
  const [kept, dropped] = a.id === survivorId ? [a, b] : [b, a];
  const deletedAt = a.created_at > b.created_at ? a.created_at : b.created_at;
  return { kept, dropped, deletedAt, stamp: tombstoneStamp(dropped.hlc) };
}
