import { cutShownText } from '../../components/cutShownText';
import { displayText, hasHiddenCharacters } from '../../components/displayText';

/** Longest label drawn beside a node, in characters; the full title is in its tooltip and name. */
const LABEL_CHARACTERS = 40;

export interface NodeLabel {
  /** What is drawn: the title with hidden characters spelled out, cut to fit. */
  shown: string;
  /** The whole title, spelled out. */
  full: string;
  /** The title had characters that reorder or hide text (said in the tooltip and the name). */
  hidden: boolean;
}

/**
 * A graph node's label. Titles come from anyone whose copy was merged in, so they are drawn
 * spelled out (an SVG <text> takes a string, not UntrustedText); the cut counts what is drawn, by
 * code point, and never leaves half of a spelled-out character or of a surrogate pair.
 */
export function nodeLabel(title: string): NodeLabel {
  const full = displayText(title);
  return { shown: cutShownText(full, LABEL_CHARACTERS), full, hidden: hasHiddenCharacters(title) };
}
