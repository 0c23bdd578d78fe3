import type { ContributorRole } from './vocabulary';

/**
 * 用稿统计, as `GET /api/statistics` answers it: the entries carried by issues (by default only
 * published ones), placed in the range by their event date, counted by section and month, by
 * contributor, by the contributor's unit and by the newspaper of their source.
 */

/** `published`: entries of published issues (用稿); `all`: of issues in any state. */
export const STATISTICS_SCOPES = ['published', 'all'] as const;
export type StatisticsScope = (typeof STATISTICS_SCOPES)[number];

/** The longest range counted at once: ten years (to before the day ten years after from). */
export const STATISTICS_MAX_YEARS = 10;

export interface StatisticsSectionMonth {
  /** Every active section, and a retired one that has entries in the range, in the order. */
  sections: { id: string; name: string }[];
  /** Every month of the range, 'YYYY-MM', the empty ones too. */
  months: string[];
  /** cells[s][m]: entries of sections[s] dated in months[m]. */
  cells: number[][];
  /** Per section, across the months. */
  rowTotals: number[];
  /** Per month, across the sections. */
  columnTotals: number[];
}

export interface ContributorStatistics {
  id: string;
  name: string;
  organisation: string | null;
  /** Entries crediting the contributor in each role. */
  roles: Record<ContributorRole, number>;
  /** Entries crediting the contributor at all (文/图 in two roles counts once). */
  total: number;
}

export interface UnitStatistics {
  /** contributors.organisation; null where none is recorded (未填单位). */
  unit: string | null;
  /** Contributors of the unit credited on at least one counted entry. */
  contributors: number;
  /** Entries crediting at least one of them (two of one unit on one entry count once). */
  entries: number;
}

export interface NewspaperStatistics {
  /** The newspaper of the entry's source article; null for entries without one (无来源稿件). */
  newspaper: string | null;
  entries: number;
}

export interface Statistics {
  /** The range counted, 'YYYY-MM-DD', both days included. */
  from: string;
  to: string;
  status: StatisticsScope;
  /** Entries counted. */
  total: number;
  sectionMonth: StatisticsSectionMonth;
  /** Most entries first. */
  contributors: ContributorStatistics[];
  units: UnitStatistics[];
  newspapers: NewspaperStatistics[];
}
