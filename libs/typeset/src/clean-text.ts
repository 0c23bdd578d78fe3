/**
 * Text as the template receives it. Typst prints a string as it is, so what would look wrong or
 * be invisible on paper is settled here: line breaks, exotic spaces the fonts may not draw, and
 * control characters from pasting.
 */

export const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/;
const LINE_BREAKS = new RegExp(LINE_BREAK.source, 'g');
/** Spaces other than U+0020 and the ideographic space U+3000, which the fonts may not draw. */
const OTHER_SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f]/g;
/** C0/C1 control characters left after line breaks and tabs are handled: invisible junk from pasting. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** One line of text: line breaks become spaces, odd spaces become plain ones, controls go. */
export function cleanInline(value: string): string {
  return value.replace(LINE_BREAKS, ' ').replace(OTHER_SPACES, ' ').replace(CONTROLS, '').trim();
}

/**
 * A piece of a line printed in one style: like cleanInline, but not trimmed (the space between
 * a bold word and the next one belongs to one of the two runs). Split at LINE_BREAK first.
 */
export function cleanRunText(value: string): string {
  return value.replace(LINE_BREAKS, ' ').replace(OTHER_SPACES, ' ').replace(CONTROLS, '');
}
