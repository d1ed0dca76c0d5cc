import type { CaptureDigestFacts } from '../captures/CaptureDigestFacts';
import { formatLongDateStated } from './formatText';

const FORMAT_NAMES: Record<string, string> = { warc: 'WARC', 'warc.gz': 'WARC', wacz: 'WACZ', har: 'HAR', mhtml: 'MHTML' };

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "WARC-Payload-Digest and WARC-Block-Digest, SHA-1"; with mixed algorithms "WARC-Payload-Digest, SHA-1, and WARC-Block-Digest, SHA-256". */
function digestNames(digests: CaptureDigestFacts['matchedDigests']): string {
  const algorithms = [...new Set(digests.map((d) => d.algorithm))];
  if (algorithms.length === 1) return `${listWords(digests.map((d) => d.header))}, ${algorithms[0]}`;
  return listWords(digests.map((d) => `${d.header}, ${d.algorithm},`)).replace(/,$/, '');
}

/**
 * What a web capture's own digests show, in the case file's counts: how many records carry a digest
 * the capture tool wrote at capture time and matched their bytes when the capture was read into the
 * case, how many carry none, and every mismatch, named (never left out). Used by the declaration
 * and the custody report, so both say the same. Says nothing of the exhibit's own SHA-256, which
 * is stated as computed at import (hashStatement).
 */
export function captureDigestStatement(facts: CaptureDigestFacts, datesStateZone = true): string {
  const tool = facts.tool ? `, written by ${facts.tool}` : '';
  const when = formatLongDateStated(facts.checkedAt, datesStateZone);
  const parts = [`The exhibit is a web capture (${FORMAT_NAMES[facts.format] ?? facts.format}${tool}) of ${count(facts.records, 'record')}.`];
  if (facts.matched > 0) {
    const all = facts.matched === facts.records;
    const which = all ? (facts.records === 1 ? 'Its record' : `Each of its ${count(facts.records, 'record')}`) : facts.matched === 1 ? 'One record' : `Each of ${count(facts.matched, 'record')}`;
    parts.push(
      // "every digest ... for it": a record may carry one kind and not the other; the kinds listed are those the matched records carry.
      `${which} matched every digest its capture tool wrote for it at capture time (${digestNames(facts.matchedDigests)}) when the capture was read into the case on ${when}.`,
    );
  }
  if (facts.noDigest > 0) {
    parts.push(
      facts.noDigest === facts.records
        ? 'Its capture tool wrote no digest for any record, so nothing in the capture can be compared with a value recorded at capture time.'
        : `${count(facts.noDigest, 'record')} carried no digest from the capture tool.`,
    );
  }
  if (facts.uncheckable > 0) parts.push(`${count(facts.uncheckable, 'record')} ${facts.uncheckable === 1 ? 'carries' : 'carry'} a digest in a form that could not be checked.`);
  if (facts.truncated > 0) parts.push(`${count(facts.truncated, 'record')} ${facts.truncated === 1 ? 'is' : 'are'} cut short in the archive, so ${facts.truncated === 1 ? 'its digest' : 'their digests'} could not be checked.`);
  if (facts.mismatched > 0) {
    const named = facts.mismatches.map(
      (m) =>
        `record ${m.recordId}${m.targetUri ? ` (${m.targetUri})` : ''}${m.offset !== null ? ` at byte ${m.offset}${m.member ? ` of ${m.member}` : ''}` : ''}${m.headers.length ? `, ${listWords(m.headers)}` : ''}`,
    );
    const more = facts.mismatched > named.length ? `; and ${count(facts.mismatched - named.length, 'more record')}` : '';
    parts.push(
      `${count(facts.mismatched, 'record')} did NOT match the digest ${facts.mismatched === 1 ? 'its' : 'their'} capture tool wrote: ${named.join('; ')}${more}. For ${facts.mismatched === 1 ? 'that record' : 'those records'} the case file cannot show that the content is what the capture tool recorded.`,
    );
  }
  if (facts.datapackage && facts.datapackage.checked > 0) {
    const { checked, failed } = facts.datapackage;
    parts.push(
      failed.length === 0
        ? `The SHA-256 of each of the ${count(checked, 'file')} listed in the capture's datapackage.json matched on ${when}.`
        : `Of the ${count(checked, 'file')} whose SHA-256 the capture's datapackage.json lists, ${listWords(failed)} did NOT match it on ${when}.`,
    );
  }
  return parts.join(' ');
}
