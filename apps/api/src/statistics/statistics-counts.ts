import { Prisma, type PrismaClient } from '@dsyb/db';
import {
  CONTRIBUTOR_ROLES,
  type ContributorStatistics,
  type NewspaperStatistics,
  type Statistics,
  type StatisticsScope,
  type UnitStatistics,
} from '@dsyb/contracts';
import { monthsOf, sectionMonthTable } from './section-month';
import type { StatisticsRange } from './statistics-range';

interface CountsRow {
  total: number;
  sections: { id: string; name: string }[];
  cells: { sectionId: string; month: string; entries: number }[];
  contributors: ContributorStatistics[];
  units: UnitStatistics[];
  newspapers: NewspaperStatistics[];
}

/** Entries crediting the contributor in each role, as a JSON object keyed by the contract's roles. */
const ROLE_COUNTS = Prisma.join(
  CONTRIBUTOR_ROLES.map((role) => Prisma.sql`${role}::text, count(*) FILTER (WHERE ec.role::text = ${role})`),
);

/**
 * 用稿统计: the entries carried by issues (published ones, or with `all` issues in any state),
 * dated in the range by their event date, both days included; entries in no issue are never
 * counted. Every count is made by PostgreSQL (GROUP BY) in one statement, so the four tables are
 * read from one snapshot and agree with each other; only the section × month counts are then laid
 * out as a table here.
 */
export async function countStatistics(db: Pick<PrismaClient, '$queryRaw'>, range: StatisticsRange, status: StatisticsScope): Promise<Statistics> {
  const [row] = await db.$queryRaw<CountsRow[]>`
    WITH counted AS (
      SELECT e.id, e.section_id, e.event_date, e.source_id
        FROM entries e JOIN issues i ON i.id = e.issue_id
       WHERE e.event_date BETWEEN ${range.from}::date AND ${range.to}::date
         ${status === 'published' ? Prisma.sql`AND i.status = 'published'` : Prisma.empty}
    ), credits AS (
      SELECT k.id AS entry_id, ec.role, c.id, c.name, c.organisation
        FROM counted k JOIN entry_contributors ec ON ec.entry_id = k.id JOIN contributors c ON c.id = ec.contributor_id
    )
    SELECT
      (SELECT count(*)::int FROM counted) AS total,
      (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.position, s.name), '[]')
         FROM sections s WHERE s.active OR s.id IN (SELECT section_id FROM counted)) AS sections,
      (SELECT coalesce(json_agg(m), '[]') FROM (
         SELECT section_id AS "sectionId", to_char(event_date, 'YYYY-MM') AS month, count(*)::int AS entries
           FROM counted GROUP BY 1, 2) m) AS cells,
      (SELECT coalesce(json_agg(p ORDER BY p.total DESC, p.name, p.id), '[]') FROM (
         SELECT ec.id, ec.name, ec.organisation, json_build_object(${ROLE_COUNTS}) AS roles, count(DISTINCT ec.entry_id)::int AS total
           FROM credits ec GROUP BY ec.id, ec.name, ec.organisation) p) AS contributors,
      (SELECT coalesce(json_agg(u ORDER BY u.entries DESC, u.unit NULLS LAST), '[]') FROM (
         SELECT NULLIF(btrim(organisation), '') AS unit, count(DISTINCT id)::int AS contributors, count(DISTINCT entry_id)::int AS entries
           FROM credits GROUP BY 1) u) AS units,
      (SELECT coalesce(json_agg(n ORDER BY n.newspaper IS NULL, n.entries DESC, n.newspaper), '[]') FROM (
         SELECT s.newspaper, count(*)::int AS entries
           FROM counted k LEFT JOIN source_articles s ON s.id = k.source_id GROUP BY 1) n) AS newspapers`;
  return {
    from: range.from,
    to: range.to,
    status,
    total: row.total,
    sectionMonth: sectionMonthTable(row.sections, monthsOf(range), row.cells),
    contributors: row.contributors,
    units: row.units,
    newspapers: row.newspapers,
  };
}
