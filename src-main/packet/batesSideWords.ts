/** One production of a Bates overlap: its id (when the message names ids), prefix and printed range. */
export interface BatesSide {
  id?: string | undefined;
  prefix: string;
  /** The range as printed, "STORM-000001–STORM-000012". */
  range: string;
}

/**
 * A production as every message about a Bates overlap names it:
 * `01a2… (prefix "STORM-0", STORM-000001–STORM-000012)`, with `extra` after the range. Both sides
 * of an overlap are always named this way: their prefixes may differ while their printed labels do
 * not (STORM-0 padded to 5 prints what STORM- padded to 6 prints: sharedBatesLabel), so a message
 * naming one prefix, or only the printed ranges, cannot tell counsel which two productions collide.
 * Used together by the export check and packet --check (checkFiling), re-export
 * (refuseSupersededProduction) and the merge's conflict report, list and resolution.
 */
export function batesSideWords(side: BatesSide, extra?: string): string {
  return `${side.id ? `${side.id} ` : ''}(prefix ${JSON.stringify(side.prefix)}, ${side.range}${extra ? `, ${extra}` : ''})`;
}
