/** A failed read, said where the data would have been (with what to do: the message names it). */
export function QueryError({ what, error }: { what: string; error: string | null }) {
  if (!error) return null;
  return (
    <p className="field-error" role="alert">
      Could not load {what}: {error}
    </p>
  );
}
