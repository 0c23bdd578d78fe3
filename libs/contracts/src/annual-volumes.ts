/**
 * 年度大事记 (annual volume) as the API returns it (apps/api/src/annual-volumes): the volume,
 * its events compiled from the year's published issues, and the terms of its index.
 */
import type { EventDatePrecision, IssueStatus } from './vocabulary';

/** 人名 / 地名 / 机构名: the kinds of index terms, as chronicle indexes divide them. */
export const INDEX_TERM_KINDS = ['person', 'place', 'organisation'] as const;
export type IndexTermKind = (typeof INDEX_TERM_KINDS)[number];

/** 待定 (proposed by the segmenter) → 采用 / 不收录, or 合并 into another term as another name of it. */
export const INDEX_TERM_STATUSES = ['proposed', 'accepted', 'suppressed', 'merged'] as const;
export type IndexTermStatus = (typeof INDEX_TERM_STATUSES)[number];

/** Where a term came from: the segmenter, the district dictionary (检索词典), or an editor. */
export const INDEX_TERM_ORIGINS = ['segmentation', 'dictionary', 'editor'] as const;
export type IndexTermOrigin = (typeof INDEX_TERM_ORIGINS)[number];

/** What a recompilation found upstream for an event: a corrected wording, or the monthly entry gone. */
export const ANNUAL_PENDING_CHANGES = ['changed', 'removed'] as const;
export type AnnualPendingChange = (typeof ANNUAL_PENDING_CHANGES)[number];

/** A volume goes through the issue's states: 编辑中 → 送审 → 已签发 → 已发布. */
export interface AnnualVolume {
  id: string;
  year: number;
  title: string;
  compiler: string;
  /** "YYYY-MM-DD" */
  publicationDate: string;
  status: IssueStatus;
  version: number;
  mastheadId: string;
  compiledAt: string;
  signedOffAt: string | null;
  signedOffById: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Events printed (not dropped or merged). */
  entryCount: number;
  /** Events dropped or merged into another. */
  excludedCount: number;
  /** Events with a change from the monthly issues waiting to be taken or kept. */
  pendingCount: number;
}

/** What a compilation (编纂, 重新编纂) found: events new to the volume, changed upstream, gone upstream. */
export interface AnnualCompilationReport {
  added: number;
  changed: number;
  removed: number;
}

/** The answer to POST /api/annual-volumes and …/:id/recompile. */
export interface CompiledAnnualVolume extends AnnualVolume {
  compilation: AnnualCompilationReport;
}

/** The monthly wording a recompilation offers for an event (null fields for a removed one). */
export interface AnnualPendingWording {
  change: AnnualPendingChange;
  title: string | null;
  bodyHtml: string | null;
  bodyText: string | null;
  eventDate: string | null;
  eventDatePrecision: EventDatePrecision | null;
}

/** One event of a volume (resource `annual-volume-entries`). */
export interface AnnualVolumeEntry {
  id: string;
  volumeId: string;
  /** The monthly entry it was compiled from; null for one the editor added. */
  sourceEntryId: string | null;
  sourceIssue: { id: string; serialNumber: number } | null;
  title: string;
  bodyHtml: string;
  bodyText: string;
  /** "YYYY-MM-DD"; the 1st of the month for a month-precision event. */
  eventDate: string;
  eventDatePrecision: EventDatePrecision;
  /** 1–12 */
  month: number;
  position: number;
  /** Dropped from the volume, or merged into another event (mergedIntoId). */
  excluded: boolean;
  mergedIntoId: string | null;
  /** The editor changed its wording after it was compiled. */
  edited: boolean;
  pendingChange: AnnualPendingChange | null;
  pending: AnnualPendingWording | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One term of a volume's index (resource `annual-index-terms`). */
export interface AnnualIndexTerm {
  id: string;
  volumeId: string;
  term: string;
  kind: IndexTermKind;
  status: IndexTermStatus;
  origin: IndexTermOrigin;
  /** Events of the volume that name it. */
  occurrences: number;
  mergedIntoId: string | null;
  mergedIntoTerm: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/annual-volumes/:id/index-terms/propose: names found, and how many were new. */
export interface IndexTermProposal {
  proposed: number;
  added: number;
}
