import { Icon } from './Icon';
import { type DisplayOptions, displayText, hasHiddenCharacters } from './displayText';

const EXPLANATION = 'characters that reorder or hide how it is shown; they are spelled out here';

/** The sentence a flag says, for places that can only hold a string (an SVG <title>, an aria-label). */
export function hiddenCharactersSentence(what = 'The text'): string {
  return `${what} contains ${EXPLANATION}.`;
}

/**
 * Untrusted text (see displayText.ts) shown with its control and bidi characters spelled out,
 * and flagged when it had any. `flag="note"` explains in a sentence (a name in a detail pane);
 * the default is a short badge that fits a list row; `flagFirst` puts it before the text, where a
 * row that cuts long text off with an ellipsis still shows it.
 */
export function UntrustedText({
  text,
  flag = 'badge',
  flagFirst = false,
  what = 'The text',
  ...options
}: { text: string; flag?: 'badge' | 'note'; flagFirst?: boolean; what?: string } & DisplayOptions) {
  const shown = displayText(text, options);
  if (!hasHiddenCharacters(text, options)) return <>{shown}</>;
  const marker = <HiddenCharactersFlag what={what} flag={flag} />;
  return flagFirst ? (
    <>
      {marker}
      {shown}
    </>
  ) : (
    <>
      {shown}
      {marker}
    </>
  );
}

/**
 * The flag after text whose hidden characters were spelled out. The badge says "spelled out" and
 * carries the sentence as its tooltip and for screen readers; the note says the sentence.
 */
export function HiddenCharactersFlag({ what = 'The text', flag = 'badge' }: { what?: string; flag?: 'badge' | 'note' }) {
  if (flag === 'note') {
    return (
      <span className="badge tone-warning" style={{ display: 'inline-flex', marginTop: 4 }} role="note">
        <Icon name="alert" size={12} /> {hiddenCharactersSentence(what)}
      </span>
    );
  }
  return (
    <span className="badge tone-warning untrusted-flag" title={hiddenCharactersSentence(what)}>
      <Icon name="alert" size={12} /> spelled out<span className="visually-hidden">: {what.toLowerCase()} contains {EXPLANATION}</span>
    </span>
  );
}
