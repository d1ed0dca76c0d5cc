import { latin1ToUTF, type WARCRecord } from 'warcio';

/*
 * WARC 1.1 (section 4) allows UTF-8 in header values. warcio decodes the header block as UTF-8,
 * then gives each value to the WHATWG Headers class, which accepts only Latin-1 characters; a
 * value it refuses is stored as its UTF-8 bytes spelled as Latin-1 characters and its name listed
 * in `reencodeHeaders`. Read that way, a WARC-Target-URI holding U+202E (right-to-left override)
 * came back as "â\x80®", and an "é" beside it as "Ã©". Every WARC header value is read through
 * here (the scan, and replay's record reader), so none reaches the case spelled that way.
 */

/**
 * How header values are read. 'utf8': as the file wrote them (every import). 'latin1-spelled': as
 * Dossier read them before, kept only so verification can tell a record an earlier version kept
 * that way from one changed behind the app's back (captures/verifyCaptureRecords).
 */
export type WarcHeaderReading = 'utf8' | 'latin1-spelled';

/** The value of a record's WARC header as the file wrote it in UTF-8, or null when the record has none. */
export function warcHeaderText(record: WARCRecord, name: string, reading: WarcHeaderReading = 'utf8'): string | null {
  const value = record.warcHeaders.headers.get(name);
  if (value === null || value === undefined) return null;
  return reading === 'utf8' && record.warcHeaders.reencodeHeaders?.has(name.toLowerCase()) ? latin1ToUTF(value) : value;
}

/** How the WARC 1.1 standard spells the fields it names, for messages (Headers keeps names in lower case). */
const STANDARD_NAMES = [
  'WARC-Type', 'WARC-Record-ID', 'WARC-Date', 'Content-Length', 'Content-Type', 'WARC-Concurrent-To', 'WARC-Block-Digest',
  'WARC-Payload-Digest', 'WARC-IP-Address', 'WARC-Refers-To', 'WARC-Refers-To-Target-URI', 'WARC-Refers-To-Date', 'WARC-Target-URI',
  'WARC-Truncated', 'WARC-Warcinfo-ID', 'WARC-Filename', 'WARC-Profile', 'WARC-Identified-Payload-Type', 'WARC-Segment-Number',
  'WARC-Segment-Origin-ID', 'WARC-Segment-Total-Length',
];
const SPELLING = new Map(STANDARD_NAMES.map((name) => [name.toLowerCase(), name]));

/**
 * The record's header fields whose value holds U+FFFD: what bytes UTF-8 cannot read become when the
 * header block is decoded (or that character written in the file itself; the two cannot be told
 * apart after warcio's decoding). Their values are kept as read and the record is named, never
 * guessed at in another encoding.
 */
export function warcHeadersNotUtf8(record: WARCRecord, reading: WarcHeaderReading = 'utf8'): string[] {
  const names: string[] = [];
  if (reading !== 'utf8') return names;
  for (const [name] of record.warcHeaders.headers) {
    const spelled = SPELLING.get(name.toLowerCase()) ?? name;
    if (!names.includes(spelled) && warcHeaderText(record, name)?.includes('\uFFFD')) names.push(spelled);
  }
  return names;
}
