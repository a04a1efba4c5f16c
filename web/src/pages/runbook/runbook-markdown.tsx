import MarkdownIt from 'markdown-it';

/**
 * The runbook is Accord's own Markdown, but it quotes names, descriptions and messages people
 * wrote, escaped on the server; it renders with raw HTML and images off all the same. Links may
 * point at Accord's own REST API (the generated alert rules) besides http, https and mailto.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.disable(['image', 'html_inline', 'html_block']);
markdown.validateLink = (url) => /^(https?:|mailto:|\/api\/v1\/)/i.test(url.trim());

export function RunbookMarkdown({ text }: { text: string }) {
  return <div className="markdown runbook" dangerouslySetInnerHTML={{ __html: markdown.render(text) }} />;
}
