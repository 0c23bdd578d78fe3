import { Injectable } from '@nestjs/common';
import { MAX_LENGTH } from '@dsyb/contracts';
import { draftFromSource, isoDate } from '@dsyb/domain';
import type { AuthUser } from '../auth/auth.types';
import { DomainError, invalid, notFound } from '../common/domain-errors';
import { EntriesService } from '../entries/entries.service';
import { PrismaService } from '../prisma/prisma.service';
import type { DraftEntriesDto, DraftEntryDto } from './source-draft.dto';

interface Target {
  issueId: string;
  sectionId: string;
  /** The issue's first day: the year of a source without a date. */
  coverageStart: string;
}

/**
 * 据此起草条目: a source (来稿) becomes a draft entry, worded in chronicle style by
 * draftFromSource (libs/domain chronicle-draft.ts), credited to the source's contributors in
 * their byline order, and created through EntriesService.create, so that it gets its first
 * revision and audit event (entry.create) and the issue's edit rules apply as to any new entry.
 */
@Injectable()
export class SourceDraftsService {
  constructor(private readonly prisma: PrismaService, private readonly entries: EntriesService) {}

  async draftEntry(sourceId: string, dto: DraftEntryDto, user: AuthUser) {
    const source = await this.readSource(sourceId);
    if (!source) throw notFound('来稿', sourceId);
    const target = await this.target(dto, user);
    return this.create(source, target, user);
  }

  /** Each source on its own: one that is unknown or fails is reported and the others are created. */
  async draftEntries(dto: DraftEntriesDto, user: AuthUser) {
    const target = await this.target(dto, user);
    const created: Awaited<ReturnType<EntriesService['create']>>[] = [];
    const failed: { sourceId: string; message: string }[] = [];
    for (const sourceId of [...new Set(dto.sourceIds)]) {
      try {
        const source = await this.readSource(sourceId);
        if (!source) throw notFound('来稿', sourceId);
        created.push(await this.create(source, target, user));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failed.push({ sourceId, message: error.message });
      }
    }
    return { created, failed };
  }

  private readSource(id: string) {
    return this.prisma.sourceArticle.findUnique({
      where: { id },
      include: { contributors: { orderBy: [{ position: 'asc' }, { role: 'asc' }] } },
    });
  }

  /** The issue and section, known and the issue still open to new entries (400, 403 or 409 otherwise). */
  private async target(dto: DraftEntryDto, user: AuthUser): Promise<Target> {
    const [issue, section] = await Promise.all([
      this.prisma.issue.findUnique({ where: { id: dto.issueId }, select: { id: true, coverageStart: true } }),
      this.prisma.section.findUnique({ where: { id: dto.sectionId }, select: { id: true } }),
    ]);
    if (!issue) throw invalid(`期刊不存在：${dto.issueId}`);
    if (!section) throw invalid(`栏目不存在：${dto.sectionId}`);
    await this.entries.assertIssueEditable(issue.id, user);
    return { issueId: issue.id, sectionId: section.id, coverageStart: isoDate(issue.coverageStart) };
  }

  private create(source: NonNullable<Awaited<ReturnType<SourceDraftsService['readSource']>>>, target: Target, user: AuthUser) {
    const draft = draftFromSource({
      headline: source.headline,
      text: source.text,
      issueDate: source.issueDate ? isoDate(source.issueDate) : target.coverageStart,
    });
    return this.entries.create(
      {
        title: draft.title.slice(0, MAX_LENGTH.entry.title),
        bodyText: draft.bodyText,
        eventDate: draft.eventDate,
        eventDatePrecision: draft.eventDatePrecision,
        issueId: target.issueId,
        sectionId: target.sectionId,
        sourceId: source.id,
        contributors: source.contributors.map(({ contributorId, role }) => ({ contributorId, role })),
      },
      user,
    );
  }
}
