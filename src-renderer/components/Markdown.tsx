import ReactMarkdown, { type Components } from 'react-markdown';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/**
 * Turns raw HTML in the Markdown source into plain text, so `<script>` or `<img onerror=...>`
 * in a note is shown exactly as typed. (Without this react-markdown drops such HTML silently;
 * with rehype-raw it would render it. Neither is what an investigator needs.)
 */
function remarkHtmlAsText() {
  const walk = (node: MdNode): void => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

/**
 * Links are shown but never followed: an investigator must not visit a suspect's site by
 * accident. Images are never fetched. No element here receives a URL as href or src, which is
 * why urlTransform can leave URLs as written (they only appear as text).
 */
const components: Components = {
  a: ({ children, href }) => (
    <span className="md-link" title={href ? `Link (not opened): ${href}` : undefined}>
      {children}
      {href && typeof children === 'string' && children !== href ? <span className="md-link-href"> ⟨{href}⟩</span> : null}
    </span>
  ),
  img: ({ alt, src }) => (
    <span className="md-image" title={typeof src === 'string' ? src : undefined}>
      [image{alt ? `: ${alt}` : ''}
      {typeof src === 'string' ? ` ⟨${src}⟩` : ''}]
    </span>
  ),
};

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown components={components} remarkPlugins={[remarkHtmlAsText]} urlTransform={(url) => url}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
