import MarkdownIt from 'markdown-it';

/**
 * Descriptions in contract documents are written by whoever published them: Markdown with raw
 * HTML switched off (it is shown as text), no images (they would fetch from anywhere), and links
 * kept only when they go to http, https or mailto. What markdown-it then emits is its own markup
 * around escaped text, so setting it as HTML runs nothing the author wrote.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.disable(['image', 'html_inline', 'html_block']);
markdown.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());
const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export const renderMarkdown = (text: string): string => markdown.render(text);

export function Markdown({ text, className = 'markdown' }: { text: unknown; className?: string }) {
  if (typeof text !== 'string' || text.trim() === '') return null;
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}
