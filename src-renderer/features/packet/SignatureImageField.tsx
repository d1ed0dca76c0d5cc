import { useId } from 'react';
import { shellCall, toDossierError } from '../../api';

/** The file name of a chosen path, for display (the path itself goes to main, which reads and checks the image). */
function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/**
 * The declarant's signature image: chosen in the native open dialog (main picks the title and the
 * PNG/JPEG filter), shown by file name, removable. Main checks the file when the packet is checked
 * or exported, and names it if it is not a whole PNG or JPEG.
 */
export function SignatureImageField({ path, onChange, onError }: { path: string; onChange: (path: string) => void; onError: (message: string) => void }) {
  const id = useId();
  async function choose() {
    try {
      const chosen = await shellCall((s) => s.chooseFileToOpen({ purpose: 'signatureImage' }));
      if (chosen) onChange(chosen);
    } catch (raw) {
      onError(toDossierError(raw).message);
    }
  }
  return (
    <div className="field span-2" role="group" aria-labelledby={`${id}-label`}>
      <span className="field-label" id={`${id}-label`}>
        Signature image
      </span>
      <div className="signature-image-row">
        <span className={path ? 'mono' : 'field-help'} data-testid="signature-image-name">
          {path ? fileName(path) : 'None: signed with the /s/ line only'}
        </span>
        <button type="button" className="btn" onClick={() => void choose()}>
          {path ? 'Change…' : 'Choose…'}
        </button>
        {path ? (
          <button type="button" className="btn" onClick={() => onChange('')}>
            Remove
          </button>
        ) : null}
      </div>
      <div className="field-help">PNG or JPEG, at most 2 MB; drawn above the /s/ line, which stays. Kept with the production.</div>
    </div>
  );
}
