import { useState } from 'react';
import { Icon } from '../../components/Icon';

/** Copies text to the clipboard; says so, or says to copy by hand when the clipboard refuses. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className="btn btn-sm"
      aria-label={label}
      onClick={() => {
        void navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
        setTimeout(() => setState('idle'), 2500);
      }}
    >
      <Icon name={state === 'copied' ? 'check' : 'evidence'} size={13} /> {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and press Ctrl+C' : 'Copy'}
    </button>
  );
}
