import { MAX_LENGTH } from '@dsyb/contracts';

/** The most rich text one entry body may have, images included (the API's limit on bodyHtml). */
export const MAX_BODY_HTML = MAX_LENGTH.entry.bodyHtml;

/** A size in bytes as "1.5" (megabytes of 1024 × 1024 bytes, one decimal, none when whole). */
export function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 10) / 10);
}

/**
 * The body without its images' data (src attributes): images are no text, and a body with
 * photos is megabytes of base64 that need not be parsed on every keystroke to count characters.
 */
function withoutImageData(html: string): string {
  return html.replace(/(<img\b[^>]*?)\ssrc\s*=\s*("[^"]*"|'[^']*')/gi, '$1');
}

/**
 * The text of an entry body as the chronicle counts it: the characters of its paragraphs,
 * without markup and without spaces or line breaks (a Chinese "字数").
 */
export function bodyCharacterCount(html: string): number {
  if (!html) return 0;
  const text = new DOMParser().parseFromString(withoutImageData(html), 'text/html').body.textContent ?? '';
  return Array.from(text.replace(/\s+/g, '')).length;
}

/**
 * The plain text of a body, one paragraph (or list item) a line: what the history and the
 * merge dialog compare. Mirrors the server's textFromHtml, with single line breaks.
 */
export function bodyPlainText(html: string): string {
  if (!html) return '';
  const marked = withoutImageData(html).replace(/<\/(p|li|figcaption|figure)>|<br\s*\/?>/gi, '$&\n\n');
  const text = new DOMParser().parseFromString(marked, 'text/html').body.textContent ?? '';
  return paragraphLines(text);
}

/** The server's plain text (paragraphs separated by blank lines) as one paragraph a line. */
export function paragraphLines(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map(paragraph => paragraph.trim())
    .filter(Boolean)
    .join('\n');
}
