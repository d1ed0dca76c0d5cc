/**
 * Turns what a user typed into a safe FTS5 query: every token becomes a quoted phrase (inner quotes
 * doubled) with a prefix star, so `multi-agent`, `who's`, `NEAR(`, `body:abc` or `'; DROP` are data,
 * never FTS syntax. Tokens are ANDed. Returns null when nothing searchable is left.
 */
export function ftsQuery(userText: string, maxTokens = 16): string | null {
  const tokens = userText
    .normalize('NFKC')
    .split(/[\s\u0000-\u001f]+/u)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, maxTokens)
    .map((t) => t.slice(0, 200));
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
}
