import { auditEventInsert, type AuditRecord } from './audit-event';
import type { ContributorRole, Prisma, PrismaClient } from './generated/prisma/client';

/** One accepted article of a page, as the editor confirmed it (or as the parser read it, in a batch). */
export interface ImportArticle {
  headline: string;
  text: string;
  bylines?: ReadonlyArray<{ name: string; role: ContributorRole }>;
}

export interface ImportArticlesInput {
  newspaper: string;
  issueDate: Date | null;
  page: string | null;
  articles: readonly ImportArticle[];
}

export interface ImportResult {
  created: { id: string; headline: string }[];
  skipped: { headline: string; existingId: string | null; reason: string }[];
}

const headlineKey = (headline: string) => headline.replace(/\s+/g, ' ').trim();

/**
 * Saves a page's accepted articles as sources in one transaction. An article whose newspaper,
 * date and headline match an existing source (or an earlier article of the same call) is skipped
 * and named; contributors are matched by name (the oldest when several units share one) or
 * created, and credited in byline order. Used by the API (导入版面) and by the worker (batches).
 */
/** Writes the new sources' search words in the import's transaction (libs/search indexDocuments). */
export type IndexSources = (tx: Prisma.TransactionClient, sourceIds: string[]) => Promise<unknown>;

export async function importArticles(prisma: PrismaClient, input: ImportArticlesInput, actor: AuditRecord['actor'], indexSources: IndexSources): Promise<ImportResult> {
  const { newspaper, issueDate, page } = input;
  return prisma.$transaction(async (tx) => {
    const headlines = [...new Set(input.articles.map((article) => headlineKey(article.headline)))];
    const existing = await tx.sourceArticle.findMany({ where: { newspaper, issueDate, headline: { in: headlines } }, select: { id: true, headline: true } });
    const known = new Map(existing.map((source) => [headlineKey(source.headline), source.id]));
    const result: ImportResult = { created: [], skipped: [] };
    const accepted: ImportArticle[] = [];
    const seen = new Set<string>();
    for (const article of input.articles) {
      const key = headlineKey(article.headline);
      if (known.has(key)) result.skipped.push({ headline: key, existingId: known.get(key)!, reason: '已有同一报纸、同一日期、同一标题的来稿' });
      else if (seen.has(key)) result.skipped.push({ headline: key, existingId: null, reason: '本次导入中标题重复' });
      else {
        seen.add(key);
        accepted.push({ ...article, headline: key });
      }
    }
    if (accepted.length === 0) return result;

    const bylinesOf = (article: ImportArticle) => (article.bylines ?? []).map(({ name, role }) => ({ name: name.trim(), role }));
    const names = [...new Set(accepted.flatMap((article) => bylinesOf(article).map((byline) => byline.name)))];
    const people = names.length
      ? await tx.contributor.findMany({ where: { name: { in: names } }, orderBy: [{ organisation: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }], select: { id: true, name: true } })
      : [];
    const byName = new Map<string, string>();
    for (const person of people) if (!byName.has(person.name)) byName.set(person.name, person.id);
    const firstRole = new Map<string, ContributorRole>();
    for (const article of accepted) for (const byline of bylinesOf(article)) if (!firstRole.has(byline.name)) firstRole.set(byline.name, byline.role);
    const missing = names.filter((name) => !byName.has(name));
    if (missing.length > 0) {
      const created = await tx.contributor.createManyAndReturn({ data: missing.map((name) => ({ name, role: firstRole.get(name)! })), select: { id: true, name: true } });
      for (const person of created) byName.set(person.name, person.id);
    }

    const sources = await tx.sourceArticle.createManyAndReturn({
      data: accepted.map((article) => ({ newspaper, issueDate, page, headline: article.headline, text: article.text })),
      select: { id: true, headline: true },
    });
    const credits = sources.flatMap((source, index) => {
      const credited = new Set<string>();
      return bylinesOf(accepted[index]!).flatMap((byline, position) => {
        const contributorId = byName.get(byline.name)!;
        const key = `${contributorId}:${byline.role}`;
        if (credited.has(key)) return [];
        credited.add(key);
        return [{ sourceId: source.id, contributorId, role: byline.role, position }];
      });
    });
    if (credits.length > 0) await tx.sourceContributor.createMany({ data: credits });
    await indexSources(tx, sources.map((source) => source.id));
    result.created = sources.map(({ id, headline }) => ({ id, headline }));
    await tx.$executeRaw(auditEventInsert({
      actor,
      action: 'source.import',
      entityType: 'source',
      entityId: sources[0]!.id,
      after: { newspaper, issueDate: issueDate?.toISOString().slice(0, 10) ?? null, page, created: result.created, skipped: result.skipped, newContributors: missing },
    }));
    return result;
  }, { timeout: 60_000 });
}
