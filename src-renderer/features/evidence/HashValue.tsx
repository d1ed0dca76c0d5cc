import { useState } from 'react';

/**
 * A hash in full (courts compare every digit), selectable, with a copy button named after its
 * algorithm: three buttons all called "Copy hash" invite copying the MD5 where a court expects
 * the SHA-256.
 */
export function HashValue({ value, algorithm }: { value: string; algorithm: 'SHA-256' | 'SHA-1' | 'MD5' }) {
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
        aria-label={`Copy ${algorithm}`}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}
