import { createHash } from 'node:crypto';
import type { ExhibitInput } from './PacketInput';
import { PacketError } from './PacketError';

/**
 * Re-hashes the bytes about to go into the packet and compares them with the recorded values.
 * The declaration certifies these hashes, so a packet is never produced from bytes that do not
 * match them.
 */
export function verifyExhibitBytes(
  exhibit: ExhibitInput,
  bytes: Uint8Array,
  /** Values already computed (a streamed file); `bytes` is then ignored. */
  computed?: { size: number; sha256: string; sha1: string; md5: string },
): void {
  const actual = computed ?? {
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sha1: createHash('sha1').update(bytes).digest('hex'),
    md5: createHash('md5').update(bytes).digest('hex'),
  };
  const wrong = (['size', 'sha256', 'sha1', 'md5'] as const).filter((k) => actual[k] !== exhibit[k]);
  if (wrong.length > 0) {
    throw new PacketError(
      'EVIDENCE_HASH_MISMATCH',
      `${exhibit.label} ("${exhibit.title}") does not match its recorded ${wrong.join(', ')}: the stored evidence differs from what was acquired. ` +
        'Run an integrity check on the case file before exporting; no packet was written.',
      { exhibitId: exhibit.id, recorded: Object.fromEntries(wrong.map((k) => [k, exhibit[k]])), actual: Object.fromEntries(wrong.map((k) => [k, actual[k]])) },
    );
  }
}
