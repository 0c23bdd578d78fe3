import type { IssueSnapshot } from '@dsyb/domain';
import { fallbackFontsLine } from './bundled-fonts';
import { prepareTypesetData, type PreparedIssue, type TypesetData } from './typeset-data';
import type { TypesetSettings } from './typeset-settings';
import { TYPST_TEMPLATE } from './typst-template';

/**
 * The complete, self-contained Typst source for one issue: a single `#let data = …` line
 * holding the issue as JSON inside a Typst string literal, followed by the fixed template.
 * Pure but for the fonts installed: same snapshot and fonts → same source.
 */
export function buildTypstSource(snapshot: IssueSnapshot, settings?: TypesetSettings): string {
  return sourceFor(prepareTypesetData(snapshot, settings));
}

export function sourceFor(prepared: PreparedIssue): string {
  return typstSourceFromData(prepared.data);
}

export function typstSourceFromData(data: TypesetData): string {
  return withDataLine(data, TYPST_TEMPLATE);
}

/**
 * A template that reads `data`, behind the line that defines it: the data as JSON in one Typst
 * string literal, decoded by Typst itself. Every document of the library is built this way, so
 * user text reaches a template only as strings, which it prints with text(...). A second line
 * names the installed fallback fonts (`fallback-fonts`), which every template's font list ends with.
 */
export function withDataLine(data: unknown, template: string): string {
  return `#let data = json(bytes(${typstStringLiteral(JSON.stringify(data))}))\n${fallbackFontsLine()}\n${template}`;
}

/**
 * A Typst string literal whose value is exactly `value`. Inside "…" only the backslash and
 * the double quote are special to Typst, and raw line breaks are escaped too so the literal
 * stays on one line. (JSON.stringify output has no raw control characters, but this function
 * does not rely on that.)
 */
export function typstStringLiteral(value: string): string {
  return `"${value.replace(/[\\"\n\r]/g, (ch) => TYPST_ESCAPES[ch] ?? ch)}"`;
}

const TYPST_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' };
