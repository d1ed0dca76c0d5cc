import { isTimeWithoutZone } from '../../../src-main/contract/statedTime';
import { formatDate } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';

/** A UTC instant as stored (contract/statedTime): the only form formatDate may read as a moment. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * When a page was captured, as the capture file stated it (contract/statedTime): an instant in this
 * computer's time; a time without a zone as written and marked "(no time zone stated)", as packets
 * print it; text that is no time at all (a WARC-Date kept as written) as the archive's own words,
 * spelled out, never passed off as a date.
 */
export function CapturedTime({ at }: { at: string | null }) {
  if (at === null) return <>at an unrecorded time</>;
  if (INSTANT.test(at) || isTimeWithoutZone(at)) return <>{formatDate(at)}</>;
  return <UntrustedText text={at} what="The capture time" />;
}
