import { Prisma, type Entry, type EntryStatus, type IssueStatus } from '@dsyb/db';
import { auditEventInsert } from '@dsyb/db';
import type { DocumentWords } from '@dsyb/search';
import type { AuthUser } from '../auth/auth.types';
import type { PrismaService } from '../prisma/prisma.service';
import { entryRevisionInsert } from './entry-revisions';

/**
 * Saving an entry is the editors' most frequent request (autosave), so it costs two round
 * trips to PostgreSQL instead of a transaction of six: one read of everything the decision
 * needs (`readForSave`), then one statement (`writeSave`) that writes the entry, its revision,
 * its contributors and the audit event together — a single statement is atomic, so they commit
 * or fail as one, like a transaction.
 *
 * The statement only writes when what the decision was based on still holds: the entry is at
 * the version read and in the same issue, section and position (arrangement moves entries
 * without a new entry version), and every issue involved still has the status read, checked
 * under FOR SHARE so that a sign-off cannot slip between the check and the write. When any of
 * that changed, it writes nothing and the caller reads again.
 *
 * The revision and the audit event are the rows every other change writes too, from their one
 * definition (entry-revisions.ts, libs/db audit-event.ts), here as parts of this statement.
 */

export interface ContributorLink {
  contributorId: string;
  name: string;
  role: string;
}

export interface IssueRef {
  id: string;
  status: IssueStatus;
  serialNumber: number;
}

export interface EntryForSave {
  entry: Entry;
  contributors: ContributorLink[];
  /** The entry's issue and the issue it moves to, by id. */
  issues: Map<string, IssueRef>;
  /** Names of the contributors the save names, by id (missing ids do not exist). */
  contributorNames: Map<string, string>;
}

const ENTRY_COLUMNS = Prisma.sql`
  e.id, e.issue_id AS "issueId", e.section_id AS "sectionId", e.position, e.title, e.body_html AS "bodyHtml",
  e.body_text AS "bodyText", e.event_date AS "eventDate", e.event_date_precision::text AS "eventDatePrecision",
  e.status::text AS status, e.version, e.source_id AS "sourceId", e.created_by_id AS "createdById",
  e.updated_by_id AS "updatedById", e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

export async function readForSave(prisma: PrismaService, id: string, targetIssueId: string | null | undefined, contributorIds: string[]): Promise<EntryForSave | undefined> {
  const rows = await prisma.$queryRaw<(Entry & { links: ContributorLink[] | null; issues: IssueRef[] | null; names: { id: string; name: string }[] | null })[]>`
    SELECT ${ENTRY_COLUMNS},
      (SELECT json_agg(json_build_object('contributorId', ec.contributor_id, 'name', c.name, 'role', ec.role) ORDER BY ec.position, ec.role, c.name)
         FROM entry_contributors ec JOIN contributors c ON c.id = ec.contributor_id WHERE ec.entry_id = e.id) AS links,
      (SELECT json_agg(json_build_object('id', i.id, 'status', i.status, 'serialNumber', i.serial_number))
         FROM issues i WHERE i.id = e.issue_id OR i.id = ${targetIssueId ?? null}::uuid) AS issues,
      (SELECT json_agg(json_build_object('id', c.id, 'name', c.name)) FROM contributors c WHERE c.id = ANY(${contributorIds}::uuid[])) AS names
    FROM entries e WHERE e.id = ${id}::uuid`;
  const row = rows[0];
  if (!row) return undefined;
  const { links, issues, names, ...entry } = row;
  return {
    entry: entry as Entry,
    contributors: links ?? [],
    issues: new Map((issues ?? []).map((issue) => [issue.id, issue])),
    contributorNames: new Map((names ?? []).map((name) => [name.id, name.name])),
  };
}

/** The columns a save may change, in the entry's own names. */
export interface EntryChanges {
  title?: string;
  bodyHtml?: string;
  bodyText?: string;
  eventDate?: Date;
  eventDatePrecision?: 'day' | 'month';
  sectionId?: string;
  issueId?: string | null;
  position?: number;
  sourceId?: string | null;
}

const COLUMN_SQL: { [K in keyof Required<EntryChanges>]: (value: Required<EntryChanges>[K]) => Prisma.Sql } = {
  title: (value) => Prisma.sql`title = ${value}`,
  bodyHtml: (value) => Prisma.sql`body_html = ${value}`,
  bodyText: (value) => Prisma.sql`body_text = ${value}`,
  eventDate: (value) => Prisma.sql`event_date = ${value}::date`,
  eventDatePrecision: (value) => Prisma.sql`event_date_precision = ${value}::"DatePrecision"`,
  sectionId: (value) => Prisma.sql`section_id = ${value}::uuid`,
  issueId: (value) => Prisma.sql`issue_id = ${value}::uuid`,
  position: (value) => Prisma.sql`position = ${value}`,
  sourceId: (value) => Prisma.sql`source_id = ${value}::uuid`,
};

export interface SaveWrite {
  before: EntryForSave;
  changes: EntryChanges;
  status: EntryStatus;
  /** The new set of contributors, when the save names one. */
  contributors?: { contributorId: string; role: string }[];
  user: AuthUser;
  at: Date;
  audit: { before: unknown; after: unknown };
  /** The entry's search words after the save (libs/search entryWords), when its wording, date or bylines change. */
  searchWords?: DocumentWords;
}

/** Writes the save in one statement; false when what it was decided on no longer holds. */
export async function writeSave(prisma: PrismaService, save: SaveWrite): Promise<boolean> {
  const { entry } = save.before;
  const assignments = (Object.keys(save.changes) as (keyof EntryChanges)[])
    .filter((key) => save.changes[key] !== undefined)
    .map((key) => (COLUMN_SQL[key] as (value: unknown) => Prisma.Sql)(save.changes[key]));
  const issueIds = [...save.before.issues.keys()];
  const issueStatuses = issueIds.map((id) => save.before.issues.get(id)!.status);
  const links = save.contributors ?? [];
  const contributorSql = save.contributors
    ? Prisma.sql`,
      dropped AS (
        DELETE FROM entry_contributors WHERE entry_id = (SELECT id FROM saved)
           AND (contributor_id, role::text) NOT IN (SELECT * FROM unnest(${links.map((link) => link.contributorId)}::uuid[], ${links.map((link) => link.role)}::text[]))),
      added AS (
        INSERT INTO entry_contributors (entry_id, contributor_id, role, position)
        SELECT (SELECT id FROM saved), link.contributor_id, link.role::"ContributorRole", link.position - 1
          FROM unnest(${links.map((link) => link.contributorId)}::uuid[], ${links.map((link) => link.role)}::text[]) WITH ORDINALITY AS link(contributor_id, role, position)
         WHERE EXISTS (SELECT 1 FROM saved)
        ON CONFLICT (entry_id, contributor_id, role) DO UPDATE SET position = EXCLUDED.position)`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`
    WITH locked AS (
      SELECT i.id FROM issues i
        JOIN unnest(${issueIds}::uuid[], ${issueStatuses}::text[]) AS expected(id, status) ON expected.id = i.id AND expected.status = i.status::text
       ORDER BY i.id FOR SHARE OF i),
    saved AS (
      UPDATE entries SET ${Prisma.join([...assignments,
        Prisma.sql`status = ${save.status}::"EntryStatus"`,
        Prisma.sql`version = version + 1`,
        Prisma.sql`updated_by_id = ${save.user.id}::uuid`,
        Prisma.sql`updated_at = ${save.at.toISOString()}::timestamptz`])}
       WHERE id = ${entry.id}::uuid AND version = ${entry.version}
         AND issue_id IS NOT DISTINCT FROM ${entry.issueId}::uuid AND section_id = ${entry.sectionId}::uuid AND position = ${entry.position}
         AND (SELECT count(*) FROM locked) = ${issueIds.length}
      RETURNING id, version, title, body_html, body_text, event_date, event_date_precision, section_id, status),
    revision AS (${entryRevisionInsert(Prisma.raw('saved'), save.user, save.at)})${contributorSql}${save.searchWords === undefined ? Prisma.empty : Prisma.sql`,
      words AS (INSERT INTO entry_search (entry_id, vector, title_vector, sort_date)
                SELECT id, ${save.searchWords.vector}::tsvector, ${save.searchWords.titleVector}::tsvector, ${save.searchWords.sortDate}::date FROM saved
                ON CONFLICT (entry_id) DO UPDATE SET vector = EXCLUDED.vector, title_vector = EXCLUDED.title_vector, sort_date = EXCLUDED.sort_date)`}
    ${auditEventInsert({ actor: save.user, action: 'entry.update', entityType: 'entry', entityId: entry.id, before: save.audit.before, after: save.audit.after, at: save.at }, Prisma.raw('saved'))}
    RETURNING id`;
  return rows.length === 1;
}
