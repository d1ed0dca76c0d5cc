/** Prints this child's own peak RSS (peakRss.ts) as one JSON line: what peakRss.test.ts checks. */
import { peakRssBytes } from './peakRss';

process.stdout.write(`${JSON.stringify({ peakRssBytes: peakRssBytes() })}\n`);
