/**
 * The services' progress phase names (TaskProgress.phase), as a person reads them. One list for
 * the CLI's progress line and the app's task tray, so both say the same. A phase not listed is
 * already written for people ("scanning exhibits", "Packet: exhibits") and is shown as it is.
 */
const PHASE_LABELS: Readonly<Record<string, string>> = {
  import: 'Importing',
  verify: 'Verifying',
  extract: 'Extracting',
  capture: 'Reading the capture',
  snapshot: 'Copying the case file',
  encrypt: 'Encrypting',
  decrypt: 'Decrypting and checking',
  finishing: 'Finishing',
  hash: 'Re-hashing exhibits',
};

export function taskPhaseLabel(phase: string): string {
  return Object.hasOwn(PHASE_LABELS, phase) ? PHASE_LABELS[phase]! : phase;
}
