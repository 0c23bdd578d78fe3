/**
 * Titles and snippets of search results with the matched words in <mark>; everything else is
 * escaped, so a result can be shown as HTML without trusting the document's text.
 */

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the needles occur in the text (case and compatibility forms aside), longest first, not overlapping. */
export function findMatches(text: string, needles: readonly string[]): [number, number][] {
  const usable = [...new Set(needles.map((needle) => needle.normalize('NFKC')).filter((needle) => needle.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (usable.length === 0 || text === '') return [];
  // Matched on the NFKC form when it keeps the text's length (it does for Chinese text and
  // full-width letters and digits), so offsets apply to the original.
  const folded = text.normalize('NFKC');
  const haystack = folded.length === text.length ? folded : text;
  const pattern = new RegExp(usable.map(escapeRegExp).join('|'), 'giu');
  const matches: [number, number][] = [];
  for (const match of haystack.matchAll(pattern)) {
    if (match[0].length === 0) continue;
    matches.push([match.index!, match.index! + match[0].length]);
  }
  return matches;
}

function markRanges(text: string, matches: readonly [number, number][], from: number, to: number): string {
  let html = '';
  let at = from;
  for (const [start, end] of matches) {
    if (end <= from || start >= to) continue;
    const a = Math.max(start, from);
    const b = Math.min(end, to);
    html += `${escapeHtml(text.slice(at, a))}<mark>${escapeHtml(text.slice(a, b))}</mark>`;
    at = b;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The whole text, escaped, with every match marked. */
export function highlight(text: string, needles: readonly string[]): string {
  return markRanges(text, findMatches(text, needles), 0, text.length);
}

/**
 * About `length` characters of the text around its first matches, escaped and marked, with
 * an ellipsis where it was cut; the text's beginning when nothing matches.
 */
export function snippet(text: string, needles: readonly string[], length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const matches = findMatches(flat, needles);
  let from = 0;
  if (matches.length > 0) {
    // Start a little before the first match, preferably just after a sentence break.
    const first = matches[0]![0];
    from = Math.max(0, first - Math.floor(length / 4));
    const sentence = Math.max(flat.lastIndexOf('。', first - 1), flat.lastIndexOf('，', first - 1));
    if (sentence >= from && sentence < first) from = sentence + 1;
  }
  const to = Math.min(flat.length, from + length);
  return `${from > 0 ? '…' : ''}${markRanges(flat, matches, from, to)}${to < flat.length ? '…' : ''}`;
}
