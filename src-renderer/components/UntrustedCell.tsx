import { UntrustedText } from './UntrustedText';

/**
 * A list cell of stored text: a title, a name, a registrar, which a teammate's merged copy, an
 * import or an older version may have written with characters that reorder or hide it. Spelled
 * out (UntrustedText), flagged by the icon alone and first, where a cell that cuts its text off
 * still shows it and the flag leaves room for the text.
 */
export function UntrustedCell({ text, what, className = 'truncate' }: { text: string | null; what: string; className?: string }) {
  return <span className={className}>{text ? <UntrustedText text={text} what={what} flag="icon" flagFirst /> : null}</span>;
}
