import { CONTROL_CHARACTER, hasBidiControl, spellOutControls } from '../../../src-main/contract/controlCharacters';
import { Icon } from '../../components/Icon';

/**
 * An exhibit's file name as it was on disk, with any control or bidi override characters spelled
 * out and flagged: `invoice\u202Efdp.exe` would otherwise show as "invoiceexe.pdf".
 */
export function OriginalName({ name }: { name: string }) {
  const hostile = hasBidiControl(name) || CONTROL_CHARACTER.test(name);
  return (
    <span className="break-all">
      {spellOutControls(name)}
      {hostile ? (
        <span className="badge tone-warning" style={{ display: 'inline-flex', marginTop: 4 }} role="note">
          <Icon name="alert" size={12} /> The name contains characters that reorder or hide how it is shown; they are spelled out here.
        </span>
      ) : null}
    </span>
  );
}
