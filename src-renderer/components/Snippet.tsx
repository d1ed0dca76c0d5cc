/**
 * A search snippet with its matches marked. The server brackets matches with ⟦ ⟧; the text is
 * split on those and rendered as text nodes, never parsed as markup.
 */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(⟦[^⟧]*⟧)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('⟦') && part.endsWith('⟧') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
      )}
    </>
  );
}
