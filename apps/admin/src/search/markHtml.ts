/**
 * Search results carry `titleHtml` and `snippet`: the document's text escaped, with the matched
 * words in <mark>…</mark> and no other tag. Before such a string is put into the page as HTML it
 * goes through `markOnlyHtml`, which keeps exactly that promise whatever the server sent: the
 * bare <mark> and </mark> tags stay (balanced), entities stay, and every other `<`, `>`, `&` or
 * quote is escaped, so it shows as text and can never become an element or an attribute.
 */

const TOKEN = /<mark>|<\/mark>|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});/g;

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The string with nothing but balanced <mark> tags and entities left as HTML. */
export function markOnlyHtml(html: string | null | undefined): string {
  if (!html) return '';
  let out = '';
  let at = 0;
  let open = false;
  for (const match of html.matchAll(TOKEN)) {
    out += escapeText(html.slice(at, match.index));
    const token = match[0];
    if (token === '<mark>') {
      // A nested <mark> adds nothing: the text is already marked.
      if (!open) out += token;
      open = true;
    } else if (token === '</mark>') {
      // A closing tag without its opening one is dropped.
      if (open) out += token;
      open = false;
    } else {
      out += token;
    }
    at = match.index + token.length;
  }
  out += escapeText(html.slice(at));
  return open ? `${out}</mark>` : out;
}

/** The marked words of a result, as plain text (for tests and accessible names). */
export function markedWords(html: string | null | undefined): string[] {
  return [...markOnlyHtml(html).matchAll(/<mark>(.*?)<\/mark>/g)].map(match => match[1]);
}
