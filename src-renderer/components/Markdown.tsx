import ReactMarkdown, { type Components } from 'react-markdown';
import { displayText, hasHiddenCharacters } from './displayText';
import { markdownTooCostly } from './markdownBudget';
import { HiddenCharactersFlag } from './UntrustedText';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

/**
 * Turns raw HTML in the Markdown source into plain text, so `<script>` or `<img onerror=...>`
 * in a note is shown exactly as typed. (Without this react-markdown drops such HTML silently;
 * with rehype-raw it would render it. Neither is what an investigator needs.) It also spells out
 * control and bidi characters in every text, code and address (displayText): a note may quote
 * hostile evidence or arrive from a teammate's copy.
 */
function remarkPlainAndSpelledOut() {
  const walk = (node: MdNode): void => {
    if (node.type === 'html') node.type = 'text';
    if (typeof node.value === 'string') node.value = displayText(node.value, { multiline: node.type === 'code' });
    if (typeof node.url === 'string') node.url = displayText(node.url);
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

interface HastNode {
  type: string;
  value?: string;
  children?: HastNode[];
}

/** The text a link shows, however it is formatted (`[**microsoft.com**](...)` is bold inside). */
function shownText(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(shownText).join('');
}

/**
 * Links are shown but never followed: an investigator must not visit a suspect's site by
 * accident. Images are never fetched. No element here receives a URL as href or src, which is
 * why urlTransform can leave URLs as written (they only appear as text). The real address is
 * shown beside every link whose text is anything else, whatever that text's formatting: a bold
 * "microsoft.com/dcu" may point anywhere.
 */
const components: Components = {
  a: ({ children, href, node }) => (
    <span className="md-link" title={href ? `Link (not opened): ${href}` : undefined}>
      {children}
      {href && shownText(node as HastNode | undefined) !== href ? <span className="md-link-href"> ⟨{href}⟩</span> : null}
    </span>
  ),
  img: ({ alt, src }) => (
    <span className="md-image" title={typeof src === 'string' ? src : undefined}>
      [image{alt ? `: ${alt}` : ''}
      {typeof src === 'string' ? ` ⟨${src}⟩` : ''}]
    </span>
  ),
};

/**
 * A note's Markdown, formatted when that is cheap enough (markdownBudget), else shown as plain
 * text with a line saying why: a pasted log of `*a*a*a…` must not freeze the window.
 */
export function Markdown({ source }: { source: string }) {
  const tooCostly = markdownTooCostly(source);
  const hidden = hasHiddenCharacters(source, { multiline: true });
  return (
    <div className="markdown">
      {hidden ? <HiddenCharactersFlag what="This note" flag="note" /> : null}
      {tooCostly ? (
        <>
          <p className="muted small" role="note">
            Shown as plain text, not formatted: {tooCostly}.
          </p>
          <pre className="markdown-plain">{displayText(source, { multiline: true })}</pre>
        </>
      ) : (
        <ReactMarkdown components={components} remarkPlugins={[remarkPlainAndSpelledOut]} urlTransform={(url) => url}>
          {source}
        </ReactMarkdown>
      )}
    </div>
  );
}
