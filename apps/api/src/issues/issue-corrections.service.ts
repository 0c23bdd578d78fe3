import { Injectable } from '@nestjs/common';
import { correctedSnapshot, currentPublication, recordPublication, type CorrectedEntry } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { normaliseBody } from '../entries/entry-body';
import { assertFiguresDecode } from '../entries/entry-figures';
import { PrismaService } from '../prisma/prisma.service';
import { RenditionsService } from '../renditions/renditions.service';
import { issueLabel, lockIssues, staleVersion } from '../common/workflow-decisions';
import type { CreateCorrectionDto } from './issue-correction.dto';
import { bookTitle } from '@dsyb/contracts';

/** A correction stores its revision's publication, figures included: more than Prisma's default 5 s may be needed. */
const CORRECTION_TIMEOUT_MS = 30_000;

/**
 * 勘误: a published issue is never changed in place. A correction records its reason and the
 * corrected wording of the entries concerned as a new revision of the issue; the final PDF
 * published before is kept, marked superseded, and a new final PDF is rendered from the new
 * revision's publication: the previous one's with the corrections applied (libs/db issue-publication.ts).
 */
@Injectable()
export class IssueCorrectionsService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService, private readonly renditions: RenditionsService) {}

  async list(issueId: string) {
    const issue = await this.prisma.issue.findUnique({ where: { id: issueId }, select: { id: true } });
    if (!issue) throw notFound('期刊', issueId);
    const corrections = await this.prisma.issueCorrection.findMany({
      where: { issueId },
      orderBy: { revision: 'asc' },
      include: { createdBy: { select: { displayName: true } }, entries: { select: { entryId: true, title: true, bodyText: true } } },
    });
    return corrections.map(({ createdBy, ...correction }) => ({ ...correction, createdByName: createdBy?.displayName ?? null }));
  }

  async create(issueId: string, dto: CreateCorrectionDto, user: AuthUser) {
    const entryIds = dto.entries.map((entry) => entry.entryId);
    if (new Set(entryIds).size !== entryIds.length) throw invalid('同一条目在一次勘误中只能出现一次');
    await this.assertFiguresDecode(dto);
    const correction = await this.prisma.$transaction(async (tx) => {
      if (!(await lockIssues(tx, [issueId], 'update')).size) throw notFound('期刊', issueId);
      const issue = await tx.issue.findUniqueOrThrow({ where: { id: issueId } });
      if (dto.version !== issue.version) throw staleVersion('期刊', dto.version, issue.version);
      if (issue.status !== 'published') throw conflict(`${issueLabel(issue)}尚未发布，直接修改条目即可，无需勘误。`);
      const entries = await tx.entry.findMany({ where: { id: { in: entryIds }, issueId }, select: { id: true, title: true, bodyHtml: true } });
      const foreign = entryIds.find((id) => !entries.some((entry) => entry.id === id));
      if (foreign) throw invalid(`条目不属于${issueLabel(issue)}：${foreign}`);
      const current = await this.currentWording(tx, issueId);
      const changes: CorrectedEntry[] = dto.entries.map((change) => {
        const base = current.get(change.entryId) ?? entries.find((entry) => entry.id === change.entryId)!;
        const body = normaliseBody(change) ?? normaliseBody({ bodyHtml: base.bodyHtml })!;
        return { entryId: change.entryId, title: change.title?.trim() ?? base.title, ...body };
      });
      // The new revision prints what the previous one published with these entries corrected, never
      // the live tables: a section or unit renamed since does not slip into a published issue.
      const previous = await currentPublication(tx, issue);
      const snapshot = await correctedSnapshot(tx, previous, changes);
      if (!snapshot) throw invalid(`本次勘误没有改变${issueLabel(issue)}任何条目的标题或正文。`);
      const revision = issue.revision + 1;
      const now = new Date();
      const created = await tx.issueCorrection.create({ data: { issueId, revision, reason: dto.reason.trim(), createdById: user.id, createdAt: now } });
      for (const { entryId, ...wording } of changes) await tx.issueCorrectionEntry.create({ data: { correctionId: created.id, entryId, ...wording } });
      await tx.issue.update({ where: { id: issueId }, data: { revision, version: { increment: 1 } } });
      await recordPublication(tx, revision, snapshot, now);
      // Every final of an earlier revision, made or still under way, is superseded; each stays downloadable.
      await tx.rendition.updateMany({ where: { issueId, kind: 'final', issueRevision: { lt: revision }, supersededAt: null }, data: { supersededAt: now } });
      await this.audit.record(tx, { actor: user, action: 'issue.correct', entityType: 'issue', entityId: issueId, before: { revision: issue.revision }, after: { revision, reason: created.reason, entryIds } });
      return created;
    }, { timeout: CORRECTION_TIMEOUT_MS });
    const { rendition } = await this.renditions.request(issueId, 'final', user);
    return { ...correction, rendition };
  }

  /** A corrected body's figures must decode, as at any save (entry-figures.ts); checked before anything is locked. */
  private async assertFiguresDecode(dto: CreateCorrectionDto): Promise<void> {
    const changed = dto.entries.filter((change) => change.bodyHtml !== undefined);
    if (changed.length === 0) return;
    const titles = await this.prisma.entry.findMany({ where: { id: { in: changed.map((change) => change.entryId) } }, select: { id: true, title: true } });
    for (const change of changed) {
      const title = titles.find((entry) => entry.id === change.entryId)?.title;
      await assertFiguresDecode(normaliseBody({ bodyHtml: change.bodyHtml })!.bodyHtml, title ? `条目${bookTitle(title)}` : '');
    }
  }

  /** The wording each entry has after the corrections already made (the latest wins). */
  private async currentWording(tx: Pick<PrismaService, 'issueCorrectionEntry'>, issueId: string) {
    const rows = await tx.issueCorrectionEntry.findMany({ where: { correction: { issueId } }, orderBy: { correction: { revision: 'asc' } } });
    return new Map(rows.map((row) => [row.entryId, { title: row.title, bodyHtml: row.bodyHtml }]));
  }
}
