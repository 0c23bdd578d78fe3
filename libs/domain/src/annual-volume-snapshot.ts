/**
 * Everything needed to typeset (PDF) or export (DOCX) one annual volume, 年度大事记: the year's
 * events compiled from its published monthly issues, grouped by month, with the accepted terms
 * of its index (索引). Built by the API from the volume's own rows (libs/db
 * annual-volume-snapshot.ts), stored on the rendition like an issue snapshot, and consumed by
 * the typesetting library, which has no framework or database inside.
 */
import type { IndexTermKind } from '@dsyb/contracts';
import type { EntrySnapshot, MastheadSnapshot, RenditionKind } from './issue-snapshot';

/** 人名 / 地名 / 机构名: declared in the contract, which the admin reads too. */
export { INDEX_TERM_KINDS, type IndexTermKind } from '@dsyb/contracts';

export const INDEX_TERM_KIND_LABELS: Record<IndexTermKind, string> = { person: '人名', place: '地名', organisation: '机构名' };

/** One event of the volume as printed. */
export interface AnnualEntrySnapshot extends EntrySnapshot {
  /** ISO date of the event, e.g. "2020-09-17"; for month-precision events the month's first day. */
  eventDate: string;
  /** "day", or "month" when only the month is known: printed as 本月 / 9月 and sorted at the month's end. */
  eventDatePrecision: 'day' | 'month';
}

export interface AnnualMonthSnapshot {
  /** 1–12 */
  month: number;
  /** In print order: by event date, month-precision events last, then by the editor's order. */
  entries: AnnualEntrySnapshot[];
}

/**
 * One accepted index term. `forms` are every wording that counts as this term in the text
 * (the heading first, then the forms merged into it: 同一人的不同称谓); the typesetter finds
 * each occurrence of any form in the entries' titles and bodies, and the index lists the pages
 * those occurrences were printed on, merged and in order.
 */
export interface IndexTermSnapshot {
  /** The heading printed in the index, e.g. "徐立毅". */
  term: string;
  kind: IndexTermKind;
  /** All wordings found in the text, the heading included; never empty. */
  forms: string[];
}

export interface AnnualVolumeSnapshot {
  volumeId: string;
  year: number;
  /** e.g. "中原区2020年大事记" */
  title: string;
  /** Compiling office, e.g. "中原区地方史志办公室" */
  compiler: string;
  /** ISO date, e.g. "2021-01-20" */
  publicationDate: string;
  masthead: MastheadSnapshot;
  /** Only months with events, in order 1…12. */
  months: AnnualMonthSnapshot[];
  /** Accepted index terms (any order: the typesetter sorts them by pinyin). Empty: no index printed. */
  index: IndexTermSnapshot[];
  kind: RenditionKind;
  /** ISO timestamp of the render request, printed on proofs. */
  renderedAt: string;
}
