/**
 * The text of an entry body as the chronicle counts it: the characters of its paragraphs,
 * without markup and without spaces or line breaks (a Chinese "字数").
 */
export function bodyCharacterCount(html: string): number {
  if (!html) return 0;
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return Array.from(text.replace(/\s+/g, '')).length;
}
