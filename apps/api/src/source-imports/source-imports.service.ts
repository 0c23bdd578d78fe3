import { Injectable } from '@nestjs/common';
import { parsePage, type ParsedPage } from '@dsyb/intake';
import { parseIsoDate } from '@dsyb/domain';
import type { ContributorRole } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { invalid } from '../common/domain-errors';
import { PrismaService } from '../prisma/prisma.service';
import type { ImportArticleDto, PageOriginDto, SaveImportDto } from './source-import.dto';

export interface PagePreview extends ParsedPage {
  /** How the page was read: pasted text, or the uploaded file's kind. */
  kind: 'text' | 'pdf' | 'docx' | 'image';
  ocr: boolean;
}

export interface ImportResult {
  created: { id: string; headline: string }[];
  skipped: { headline: string; existingId: string | null; reason: string }[];
}

/** Control characters other than tab and line breaks, and the replacement character: bytes that were never text. */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/** Text that is not a page's words: binary sent as text. */
export function assertReadableText(text: string): void {
  const bad = text.match(NOT_TEXT)?.length ?? 0;
  if (bad > 0) throw invalid(`文字中含有 ${bad} 个控制字符或乱码，不像是版面文字（可能把二进制文件当作文字粘贴了）：请粘贴版面文字，或直接上传 PDF、Word 或图片文件`);
}

const headlineKey = (headline: string) => headline.replace(/\s+/g, ' ').trim();

@Injectable()
export class SourceImportsService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  /** Splits a page into articles without saving anything. */
  previewText(text: string, origin: PageOriginDto, kind: PagePreview['kind'] = 'text', ocr = false): PagePreview {
    assertReadableText(text);
    return { ...parsePage(text, { issueDate: origin.issueDate, newspaper: origin.newspaper }), kind, ocr };
  }

  /**
   * Saves the accepted articles as sources in one transaction. An article whose newspaper, date
   * and headline match an existing source (or an earlier article of the same request) is
   * skipped and named; contributors are matched by name or created, in byline order.
   */
  async save(dto: SaveImportDto, user: AuthUser): Promise<ImportResult> {
    const newspaper = dto.newspaper.trim();
    const issueDate = dto.issueDate ? parseIsoDate(dto.issueDate) : null;
    const page = dto.page?.trim() || null;
    if (!newspaper) throw invalid('报纸名称不能为空');
    dto.articles.forEach((article, index) => {
      try {
        assertReadableText(article.headline + article.text);
      } catch {
        throw invalid(`第 ${index + 1} 篇文章（${article.headline.slice(0, 30)}）含有控制字符或乱码，未保存任何文章`);
      }
    });
    return this.prisma.$transaction(async (tx) => {
      const headlines = [...new Set(dto.articles.map((article) => headlineKey(article.headline)))];
      const existing = await tx.sourceArticle.findMany({ where: { newspaper, issueDate, headline: { in: headlines } }, select: { id: true, headline: true } });
      const known = new Map(existing.map((source) => [headlineKey(source.headline), source.id]));
      const result: ImportResult = { created: [], skipped: [] };
      const accepted: ImportArticleDto[] = [];
      const seen = new Set<string>();
      for (const article of dto.articles) {
        const key = headlineKey(article.headline);
        if (known.has(key)) result.skipped.push({ headline: key, existingId: known.get(key)!, reason: '已有同一报纸、同一日期、同一标题的来稿' });
        else if (seen.has(key)) result.skipped.push({ headline: key, existingId: null, reason: '本次导入中标题重复' });
        else {
          seen.add(key);
          accepted.push({ ...article, headline: key });
        }
      }
      if (accepted.length === 0) return result;

      // Contributors by name: the existing one (the oldest when several units share a name), or a new one.
      const names = [...new Set(accepted.flatMap((article) => (article.bylines ?? []).map((byline) => byline.name.trim())))];
      const people = names.length
        ? await tx.contributor.findMany({ where: { name: { in: names } }, orderBy: [{ organisation: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }], select: { id: true, name: true } })
        : [];
      const byName = new Map<string, string>();
      for (const person of people) if (!byName.has(person.name)) byName.set(person.name, person.id);
      const firstRole = new Map<string, ContributorRole>();
      for (const article of accepted) for (const byline of article.bylines ?? []) if (!firstRole.has(byline.name.trim())) firstRole.set(byline.name.trim(), byline.role);
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
        const seenCredit = new Set<string>();
        return (accepted[index]!.bylines ?? []).flatMap((byline, position) => {
          const contributorId = byName.get(byline.name.trim())!;
          const key = `${contributorId}:${byline.role}`;
          if (seenCredit.has(key)) return [];
          seenCredit.add(key);
          return [{ sourceId: source.id, contributorId, role: byline.role, position }];
        });
      });
      if (credits.length > 0) await tx.sourceContributor.createMany({ data: credits });
      result.created = sources.map(({ id, headline }) => ({ id, headline }));
      await this.audit.record(tx, {
        actor: user,
        action: 'source.import',
        entityType: 'source',
        entityId: sources[0]!.id,
        after: { newspaper, issueDate: dto.issueDate ?? null, page, created: result.created, skipped: result.skipped, newContributors: missing },
      });
      return result;
    }, { timeout: 60_000 });
  }
}
