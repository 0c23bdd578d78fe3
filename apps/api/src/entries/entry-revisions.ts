import { Prisma } from '@dsyb/db';

/**
 * The one definition of an entry_revisions row: every saved version of an entry is kept (who,
 * when, what), for saves, restores and workflow transitions alike. `entry` names a relation with
 * the entries table's columns, one row per entry to record: the save's `saved` CTE (entry-save.ts
 * writes the revision in the statement that writes the entry), or the entry as it is now.
 */
export function entryRevisionInsert(entry: Prisma.Sql, author: { id: string }, at: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO entry_revisions (id, entry_id, version, title, body_html, body_text, event_date, event_date_precision, section_id, status, author_id, created_at)
    SELECT gen_random_uuid(), id, version, title, body_html, body_text, event_date, event_date_precision, section_id, status, ${author.id}::uuid, ${at.toISOString()}::timestamptz
      FROM ${entry}`;
}

/** Records the entry as it is now in the caller's transaction (after its create or transition) as a revision. */
export async function recordEntryRevision(tx: Pick<Prisma.TransactionClient, '$executeRaw'>, entryId: string, author: { id: string }, at = new Date()): Promise<void> {
  await tx.$executeRaw`
    WITH current_entry AS (SELECT * FROM entries WHERE id = ${entryId}::uuid)
    ${entryRevisionInsert(Prisma.raw('current_entry'), author, at)}`;
}
