import type { ExhibitInput } from './PacketInput';

/*
 * The import's custody note "Same bytes as Exhibit 1; stored once." (evidence/importEvidenceFile)
 * names the exhibit by the label it had that day. The note is sealed history and stays as stored
 * in the case file; but a renumbering since, or a filing's own numbering (--renumber), gives that
 * label to another exhibit, and a packet printing it would say two exhibits with different
 * SHA-256s hold the same bytes. So a new packet restates it from what it checks now: an exhibit of
 * this filing with the same SHA-256, by its label here, or else that the other copy is not in this
 * filing. Frozen productions keep the text they were filed with (their input is stored).
 */
const DUPLICATE_NOTE = /(MD5 [0-9a-f]{32}\.) Same bytes as .*?; stored once\./;

/** The exhibits with each "Same bytes as ..." import note naming, by its label in this filing, an exhibit whose SHA-256 is the same. */
export function resolveDuplicateNotes(exhibits: ExhibitInput[]): ExhibitInput[] {
  return exhibits.map((ex) => {
    if (!ex.custody.some((e) => e.action === 'imported' && e.details && DUPLICATE_NOTE.test(e.details))) return ex;
    const twin = exhibits.find((other) => other !== ex && other.sha256 === ex.sha256);
    const statement = twin ? `Same bytes as ${twin.label}; stored once.` : 'Same bytes as evidence imported earlier, not in this filing; stored once.';
    return {
      ...ex,
      custody: ex.custody.map((e) => (e.action === 'imported' && e.details ? { ...e, details: e.details.replace(DUPLICATE_NOTE, (_, md5: string) => `${md5} ${statement}`) } : e)),
    };
  });
}
