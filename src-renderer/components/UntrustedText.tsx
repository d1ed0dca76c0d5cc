import { cutShownText } from './cutShownText';
import { Icon } from './Icon';
import { type DisplayOptions, displayText, hasHiddenCharacters } from './displayText';

const EXPLANATION = 'characters that reorder or hide how it is shown; they are spelled out here';

type FlagStyle = 'badge' | 'note' | 'icon';

/** The sentence a flag says, for places that can only hold a string (an SVG <title>, an aria-label). */
export function hiddenCharactersSentence(what = 'The text'): string {
  return `${what} contains ${EXPLANATION}.`;
}

/**
 * Untrusted text (see displayText.ts) shown with its control and bidi characters spelled out,
 * and flagged when it had any. `flag="note"` explains in a sentence (a name in a detail pane);
 * the default is a short badge; `flag="icon"` is the badge's icon alone, for a list cell or a line
 * too narrow to keep the text beside the badge's words; `flagFirst` puts it before the text, where a
 * row that cuts long text off with an ellipsis still shows it. `cutAt` shortens what is shown to
 * that many characters (a history line), never through a spelled-out character.
 */
export function UntrustedText({
  text,
  flag = 'badge',
  flagFirst = false,
  what = 'The text',
  cutAt,
  ...options
}: { text: string; flag?: FlagStyle; flagFirst?: boolean; what?: string; cutAt?: number } & DisplayOptions) {
  const spelled = displayText(text, options);
  const shown = cutAt === undefined ? spelled : cutShownText(spelled, cutAt);
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
 * carries the sentence as its tooltip and for screen readers (the icon alone carries the same);
 * the note says the sentence, wrapping within its pane.
 */
export function HiddenCharactersFlag({ what = 'The text', flag = 'badge' }: { what?: string; flag?: FlagStyle }) {
  if (flag === 'note') {
    return (
      <span className="badge tone-warning untrusted-note" role="note">
        <Icon name="alert" size={12} /> {hiddenCharactersSentence(what)}
      </span>
    );
  }
  return (
    <span className={`badge tone-warning untrusted-flag ${flag === 'icon' ? 'untrusted-flag-icon' : ''}`} title={hiddenCharactersSentence(what)}>
      <Icon name="alert" size={12} />
      {flag === 'icon' ? '' : ' spelled out'}
      <span className="visually-hidden">{flag === 'icon' ? hiddenCharactersSentence(what) : `: ${what.toLowerCase()} contains ${EXPLANATION}`}</span>
    </span>
  );
}
