/**
 * The text of an entry body as the chronicle counts it: the characters of its paragraphs,
 * without markup and without spaces or line breaks (a Chinese "字数").
 */
export function bodyCharacterCount(html: string): number {
  if (!html) return 0;
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return Array.from(text.replace(/\s+/g, '')).length;
}

/**
 * The plain text of a body, one paragraph (or list item) a line: what the history and the
 * merge dialog compare. Mirrors the server's textFromHtml, with single line breaks.
 */
export function bodyPlainText(html: string): string {
  if (!html) return '';
  const marked = html.replace(/<\/(p|li|figcaption|figure)>|<br\s*\/?>/gi, '$&\n\n');
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
