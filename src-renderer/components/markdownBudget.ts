/**
 * Whether a note can be formatted as Markdown without stalling the window. The parser
 * (micromark, under react-markdown) runs on the renderer's main thread and its emphasis/link
 * resolution grows about quadratically with the number of delimiter characters: measured in Node
 * on this project's shared 2-core machine (best of 3), `*a` repeated 1,000 / 2,000 / 4,000 times
 * took 0.18 / 0.37 / 0.66 s, and 100,000 times 130 s; an ordinary formatted note costs about
 * 25 ms per KB. Above either bound the note is shown as plain text, and the view says so.
 */
export const MARKDOWN_MAX_CHARS = 100_000;
export const MARKDOWN_MAX_MARKS = 3_000;

/** The characters that open or close emphasis, code, links and autolinks. */
const MARK = /[*_`[\]<]/g;

/** Why the source is shown as plain text, or null when it can be formatted. */
export function markdownTooCostly(source: string): string | null {
  if (source.length > MARKDOWN_MAX_CHARS) {
    return `it is ${source.length.toLocaleString('en-US')} characters long, more than the ${MARKDOWN_MAX_CHARS.toLocaleString('en-US')} the app formats without stalling the window`;
  }
  const marks = source.match(MARK)?.length ?? 0;
  if (marks > MARKDOWN_MAX_MARKS) {
    return `it has ${marks.toLocaleString('en-US')} formatting characters (* _ \` [ ] <), more than the ${MARKDOWN_MAX_MARKS.toLocaleString('en-US')} the app formats without stalling the window`;
  }
  return null;
}
