import { displayText, hasHiddenCharacters } from '../../components/displayText';

/** Longest label drawn beside a node, in characters; the full title is in its tooltip and name. */
const LABEL_CHARACTERS = 40;
/** A spelled-out character cut off part way (`\u20`, `\x1`), which would read as other text. */
const PART_OF_ESCAPE = /\\(?:x[0-9a-f]?|u[0-9a-f]{0,3})?$/;

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
  const characters = Array.from(full);
  const shown = characters.length > LABEL_CHARACTERS ? `${characters.slice(0, LABEL_CHARACTERS - 1).join('').replace(PART_OF_ESCAPE, '')}…` : full;
  return { shown, full, hidden: hasHiddenCharacters(title) };
}
