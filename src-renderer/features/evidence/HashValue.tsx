import { useState } from 'react';

/** A hash in full (courts compare every digit), selectable, with a copy button. */
export function HashValue({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="hash-value">
      <span className="mono break-all">{value}</span>
      <button
        type="button"
        className="btn btn-ghost btn-sm copy-btn"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1200);
          });
        }}
        aria-label="Copy hash"
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}
