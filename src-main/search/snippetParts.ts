import { randomBytes } from 'node:crypto';
import type { SnippetPart } from '../contract/records';

/**
 * Match markers for FTS5's snippet() that no indexed text can contain: a fresh random token per
 * search, between C0 controls. A fixed marker such as ⟦ ⟧ is in-band: a suspect who writes
 * "⟦STATUS: VERIFIED BY COURT⟧" in a chat log gets it shown as a search match.
 */
export function snippetMarkers(): { open: string; close: string } {
  const token = randomBytes(16).toString('hex');
  return { open: `\u0001${token}\u0002`, close: `\u0001${token}\u0003` };
}

/**
 * The snippet split at the markers into text and matches, out of band, plus the legacy `snippet`
 * string (matches in ⟦ ⟧, kept because `search --json` prints it; it cannot tell the text's own
 * brackets from a match, which `snippet_parts` can).
 */
export function snippetParts(marked: string, markers: { open: string; close: string }): { snippet: string; snippet_parts: SnippetPart[] } {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of marked.split(markers.open).entries()) {
    const closeAt = i === 0 ? -1 : chunk.indexOf(markers.close);
    if (closeAt >= 0) {
      if (closeAt > 0) parts.push({ text: chunk.slice(0, closeAt), match: true });
      const rest = chunk.slice(closeAt + markers.close.length);
      if (rest) parts.push({ text: rest, match: false });
    } else if (chunk) {
      parts.push({ text: chunk, match: false });
    }
  }
  return { snippet: parts.map((p) => (p.match ? `⟦${p.text}⟧` : p.text)).join(''), snippet_parts: parts };
}

/** A host found by substring: the host, with the searched text marked where it occurs. */
export function hostSnippet(host: string, searched: string): { snippet: string; snippet_parts: SnippetPart[] } {
  const at = host.toLowerCase().indexOf(searched);
  if (at < 0 || searched === '') return { snippet: host, snippet_parts: [{ text: host, match: false }] };
  const parts: SnippetPart[] = [
    { text: host.slice(0, at), match: false },
    { text: host.slice(at, at + searched.length), match: true },
    { text: host.slice(at + searched.length), match: false },
  ].filter((p) => p.text !== '');
  // The legacy string stays as it was for host hits: the plain host.
  return { snippet: host, snippet_parts: parts };
}
