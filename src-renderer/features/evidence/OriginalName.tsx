import { UntrustedText } from '../../components/UntrustedText';

/**
 * An exhibit's file name as it was on disk, with any control or bidi override characters spelled
 * out and flagged: `invoice\u202Efdp.exe` would otherwise show as "invoiceexe.pdf".
 */
export function OriginalName({ name }: { name: string }) {
  return (
    <span className="break-all">
      <UntrustedText text={name} flag="note" what="The name" />
    </span>
  );
}
