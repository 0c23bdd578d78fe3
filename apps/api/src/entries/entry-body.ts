import sanitizeHtml from 'sanitize-html';
import { BODY_ATTRIBUTES, BODY_TAGS } from '@dsyb/contracts';

/**
 * Entry bodies are kept twice: the editor's rich text (limited to what the PDF prints:
 * paragraphs, bold, lists, images with captions) and the plain text derived from it, which
 * search and the typesetter read.
 */
const ALLOWED = {
  allowedTags: [...BODY_TAGS],
  allowedAttributes: { img: [...(BODY_ATTRIBUTES.img ?? [])] },
  allowedSchemes: ['data', 'https', 'http'],
};

/**
 * A caption is plain text: the PDF prints it so (libs/rich-text keeps no bold in a figure) and
 * the editor edits it so (EntryBodyFigure's caption field). Markup in it is dropped here, so that
 * what is stored, shown, edited again and printed are the same words in the same weight; a line
 * or paragraph break inside becomes a space, as the PDF prints it.
 */
function plainCaptions(html: string): string {
  return html.replace(/<figcaption>([\s\S]*?)<\/figcaption>/g, (_whole, inner: string) => {
    const text = inner.replace(/<br\s*\/?>|<\/(p|li)>/g, ' ').replace(/<(?!img\b)[^>]*>/g, '');
    return `<figcaption>${text}</figcaption>`;
  });
}

export function sanitizeBodyHtml(html: string): string {
  return plainCaptions(sanitizeHtml(html, ALLOWED));
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function htmlFromText(text: string): string {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('');
}

export function textFromHtml(html: string): string {
  const blocks = sanitizeHtml(html.replace(/<\/(p|li|figcaption|figure)>|<br\s*\/?>/gi, '\n\n'), { allowedTags: [], allowedAttributes: {} });
  return blocks
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Both forms of a body from whichever the client sent; rich text wins when both are given. */
export function normaliseBody(input: { bodyHtml?: string; bodyText?: string }): { bodyHtml: string; bodyText: string } | undefined {
  if (input.bodyHtml !== undefined) {
    const bodyHtml = sanitizeBodyHtml(input.bodyHtml);
    return { bodyHtml, bodyText: textFromHtml(bodyHtml) };
  }
  if (input.bodyText !== undefined) {
    const bodyText = input.bodyText.replace(/\r\n/g, '\n').trim();
    return { bodyHtml: htmlFromText(bodyText), bodyText };
  }
  return undefined;
}
