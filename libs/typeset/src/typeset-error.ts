import { bookTitle } from '@dsyb/contracts';

/** One diagnostic as reported by the Typst compiler (shape of typst-ts `shortDiagnostics`). */
export interface TypstDiagnostic {
  message: string;
  /** 1 = error, 2 = warning (typst-ts convention). */
  severity?: number;
  path?: string;
  range?: unknown;
}

export interface TypesetErrorDetails {
  /** Set when the failure can be tied to one entry of the issue. */
  entryId?: string;
  entryTitle?: string;
  /** The raw compiler diagnostics, kept for logs; never shown to end users as is. */
  diagnostics?: readonly TypstDiagnostic[];
}

/**
 * The only error the typesetter throws for bad input or a failed compilation. The message is
 * Chinese and meant for the editor who has to fix the issue (e.g. "条目《标题》排版失败：…").
 */
export class TypesetError extends Error {
  readonly entryId?: string;
  readonly entryTitle?: string;
  readonly diagnostics: readonly TypstDiagnostic[];

  constructor(message: string, details: TypesetErrorDetails = {}) {
    super(message);
    this.name = 'TypesetError';
    this.entryId = details.entryId;
    this.entryTitle = details.entryTitle;
    this.diagnostics = details.diagnostics ?? [];
  }
}

/** An entry as the caller knows it, by its index in the document: messages name it. */
export interface EntryRef {
  id: string;
  title: unknown;
}

/** How an entry is named in messages: by title, or by id when the title is unusable. */
export function describeEntry(entryId: string, title: unknown): string {
  return typeof title === 'string' && title.trim() !== '' ? `条目${bookTitle(title.trim())}` : `条目（ID ${entryId}）`;
}

/** "条目《标题》排版失败：<problem>", carrying the entry's id and title (for the editor's link). */
export function entryTypesetError(entry: EntryRef, problem: string, diagnostics?: readonly TypstDiagnostic[]): TypesetError {
  return new TypesetError(`${describeEntry(entry.id, entry.title)}排版失败：${problem}`, {
    entryId: entry.id,
    entryTitle: typeof entry.title === 'string' ? entry.title : undefined,
    diagnostics,
  });
}
