import type { SnippetPart } from '../../src-main/contract/records';
import { displayText, hasHiddenCharacters } from './displayText';
import { HiddenCharactersFlag } from './UntrustedText';

/**
 * A search snippet with its matches marked. Main sends the matches out of band (`snippet_parts`),
 * so brackets or markers in the text itself are shown as text, never as a match; each part is
 * rendered as a text node (never parsed as markup) with its control and bidi characters spelled
 * out, and one flag when any had some: snippets quote evidence a suspect wrote.
 */
const ONE_LINE = { oneLine: true };

export function Snippet({ parts }: { parts: SnippetPart[] }) {
  const hidden = parts.some((p) => hasHiddenCharacters(p.text, ONE_LINE));
  // The flag comes first: the row cuts a long snippet off at its end.
  return (
    <>
      {hidden ? <HiddenCharactersFlag what="The matched text" /> : null}
      {parts.map((part, i) =>
        part.match ? <mark key={i}>{displayText(part.text, ONE_LINE)}</mark> : <span key={i}>{displayText(part.text, ONE_LINE)}</span>,
      )}
    </>
  );
}
