/**
 * Where an exhibit came from, as one line: its URL, else the person, else the device. The import's
 * "acquired" custody event seals this (importEvidenceFile) and the packet prints it beside that
 * event (packet/casePacketInput), so both take it from here: a different order would make a
 * packet's index and its custody report name different sources for one exhibit.
 */
export function evidenceOrigin(fields: { source_url?: string | null; source_person?: string | null; source_device?: string | null }): string | null {
  return fields.source_url ?? fields.source_person ?? fields.source_device ?? null;
}
