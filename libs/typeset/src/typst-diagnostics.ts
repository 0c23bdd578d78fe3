import { entryTypesetError, TypesetError, type EntryRef, type TypstDiagnostic } from './typeset-error';
import { ENTRY_MARKER_CLOSE, ENTRY_MARKER_OPEN } from './typst-template';

/** Matches the marker the template puts in front of entry-related assertion messages. */
const ENTRY_MARKER = new RegExp(`${ENTRY_MARKER_OPEN}(\\d+)${ENTRY_MARKER_CLOSE}`);

/**
 * Turns the diagnostics of a failed compilation into one TypesetError. When a diagnostic
 * carries the template's entry marker, the error names that entry ("条目《标题》排版失败：…");
 * otherwise it reports the compiler's own messages.
 */
export function typesetErrorFromDiagnostics(
  diagnostics: readonly TypstDiagnostic[],
  entries: readonly EntryRef[],
  paper?: string,
): TypesetError {
  const errors = diagnostics.filter((d) => d.severity === undefined || d.severity === 1);
  const relevant = errors.length > 0 ? errors : diagnostics;
  for (const diagnostic of relevant) {
    const match = ENTRY_MARKER.exec(diagnostic.message);
    const entry = match ? entries[Number(match[1])] : undefined;
    if (!match || !entry) continue;
    const reason = diagnostic.message.slice(match.index + match[0].length).trim();
    return entryTypesetError(entry, reason, diagnostics);
  }
  // Typst answers an unknown paper name with the list of all ~100 valid ones.
  if (paper !== undefined && relevant.some((d) => d.message.startsWith('expected "a0"'))) {
    return new TypesetError(`纸张规格无效：${paper}（Typst 没有这个纸张名称）`, { diagnostics });
  }
  const messages = relevant.map((d) => shorten(d.message)).filter((m) => m !== '');
  return new TypesetError(`排版失败：${messages.join('；') || '编译器未给出原因'}`, { diagnostics });
}

function shorten(message: string, max = 300): string {
  return message.length > max ? `${message.slice(0, max)}…` : message;
}

/** typst-ts hands diagnostics over as `any[]`; keep only what we rely on. */
export function toDiagnostics(raw: readonly unknown[]): TypstDiagnostic[] {
  return raw.map((d) => {
    const o = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
    return {
      message: typeof o.message === 'string' ? o.message : String(d),
      severity: typeof o.severity === 'number' ? o.severity : undefined,
      path: typeof o.path === 'string' ? o.path : undefined,
      range: o.range,
    };
  });
}
