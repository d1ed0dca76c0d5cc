import { DossierError } from '../contract/errors';
import type { ExhibitRedactions } from './ExhibitRedactions';
import { findLeaks, type Leak } from './findLeaks';

/** Every value an export redacted, once. */
export function redactedValues(exhibits: readonly { redactions?: ExhibitRedactions | undefined }[]): string[] {
  return [...new Set(exhibits.flatMap((e) => (e.redactions && !e.redactions.sealed ? e.redactions.values.map((v) => v.value) : [])))];
}

function where(leak: Leak): string {
  return `${leak.file}${leak.page !== null ? ` page ${leak.page}` : ''} (${leak.where})`;
}

/**
 * Proves a public packet holds none of its redacted values before it is published: each written
 * file is read back (pdf.js, every place text can hide) and searched. Any hit fails the export,
 * naming the file and page, so nothing is published; the values themselves are not repeated in
 * the message (it may be logged), only how many there are and where.
 */
export async function assertNoLeaks(files: readonly { path: string; name: string }[], values: readonly string[]): Promise<void> {
  if (values.length === 0) return;
  const leaks: Leak[] = [];
  for (const f of files) leaks.push(...(await findLeaks(f.path, values, f.name)));
  if (leaks.length === 0) return;
  const places = [...new Set(leaks.map(where))];
  throw new DossierError(
    'REDACTION_LEAK',
    `The public packet still holds ${new Set(leaks.map((l) => l.value)).size} redacted value(s), at ${places.slice(0, 5).join('; ')}${places.length > 5 ? ` and ${places.length - 5} more place(s)` : ''}; nothing was written. Remove the value from exhibit titles and descriptions, or redact it where it is, and export again.`,
    { places },
  );
}
