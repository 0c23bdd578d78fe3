import { Injectable } from '@nestjs/common';
import { correctedSnapshot, currentPublication, recordPublication, type CorrectedEntry, type Prisma } from '@dsyb/db';
import { officeIsoDate } from '@dsyb/domain';
import { decideCorrection, decideCorrectionStart, type CorrectionAction } from '@dsyb/workflow';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { invalid, notFound } from '../common/domain-errors';
import type { ReturnDto, TransitionDto } from '../common/transition.dto';
import { normaliseBody } from '../entries/entry-body';
import { assertFiguresDecode } from '../entries/entry-figures';
import { PrismaService } from '../prisma/prisma.service';
import { RenditionsService } from '../renditions/renditions.service';
import { assertDecision, issueLabel, lockIssues, refusalError, staleVersion } from '../common/workflow-decisions';
import type { CreateCorrectionDto } from './issue-correction.dto';
import { bookTitle } from '@dsyb/contracts';

/** A correction stores its revision's publication, figures included: more than Prisma's default 5 s may be needed. */
const CORRECTION_TIMEOUT_MS = 30_000;

type Tx = Prisma.TransactionClient;

/**
 * 勘误: a published issue is never changed in place. An editor starts a correction — its reason
 * and the corrected wording of the entries concerned — and a reviewer signs it off or returns it
 * (libs/workflow correction-workflow.ts). The sign-off makes the correction: a new revision of the
 * issue whose publication is the previous one's with the corrections applied and a 勘误 notice
 * added (libs/db issue-publication.ts); the final PDF published before is kept, marked
 * superseded, and a new final PDF is rendered from the new publication.
 */
@Injectable()
export class IssueCorrectionsService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService, private readonly renditions: RenditionsService) {}

  /** The issue's corrections, oldest first: those started (pending, returned) and those made. */
  async list(issueId: string) {
    const issue = await this.prisma.issue.findUnique({ where: { id: issueId }, select: { id: true } });
    if (!issue) throw notFound('期刊', issueId);
    const [requests, made] = await Promise.all([
      this.prisma.issueCorrectionRequest.findMany({
        where: { issueId },
        orderBy: { createdAt: 'asc' },
        include: { createdBy: { select: { displayName: true } }, decidedBy: { select: { displayName: true } }, correction: { select: { revision: true } } },
      }),
      // Corrections made before they were started and signed off separately have no request.
      this.prisma.issueCorrection.findMany({
        where: { issueId, request: null },
        include: { createdBy: { select: { displayName: true } }, entries: { select: { entryId: true, title: true } } },
      }),
    ]);
    const rows = [
      ...made.map((correction) => ({
        id: correction.id,
        status: 'signed_off' as const,
        revision: correction.revision,
        reason: correction.reason,
        entries: correction.entries,
        createdAt: correction.createdAt,
        createdByName: correction.createdBy?.displayName ?? null,
        decidedAt: correction.createdAt,
        decidedByName: correction.createdBy?.displayName ?? null,
        decisionComment: null,
      })),
      ...requests.map((request) => ({
        id: request.id,
        status: request.status,
        revision: request.correction?.revision ?? null,
        reason: request.reason,
        entries: requestEntries(request.entries).map(({ entryId, title }) => ({ entryId, title })),
        createdAt: request.createdAt,
        createdByName: request.createdBy?.displayName ?? null,
        decidedAt: request.decidedAt,
        decidedByName: request.decidedBy?.displayName ?? null,
        decisionComment: request.decisionComment,
      })),
    ];
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** The issue's entries in print order with the wording they have now (corrections applied): what a correction starts from. */
  async wording(issueId: string) {
    const issue = await this.prisma.issue.findUnique({ where: { id: issueId }, select: { id: true } });
    if (!issue) throw notFound('期刊', issueId);
    const entries = await this.prisma.entry.findMany({
      where: { issueId },
      orderBy: [{ section: { position: 'asc' } }, { position: 'asc' }],
      select: { id: true, title: true, bodyHtml: true, section: { select: { name: true } } },
    });
    const current = await this.currentWording(this.prisma, issueId);
    return entries.map((entry) => ({ entryId: entry.id, sectionName: entry.section.name, ...(current.get(entry.id) ?? { title: entry.title, bodyHtml: entry.bodyHtml }) }));
  }

  /** 发起勘误: records the correction for sign-off; nothing is published yet. */
  async start(issueId: string, dto: CreateCorrectionDto, user: AuthUser) {
    const entryIds = dto.entries.map((entry) => entry.entryId);
    if (new Set(entryIds).size !== entryIds.length) throw invalid('同一条目在一次勘误中只能出现一次');
    await this.assertFiguresDecode(dto);
    return this.prisma.$transaction(async (tx) => {
      if (!(await lockIssues(tx, [issueId], 'update')).size) throw notFound('期刊', issueId);
      const issue = await tx.issue.findUniqueOrThrow({ where: { id: issueId } });
      const pending = (await tx.issueCorrectionRequest.count({ where: { issueId, status: 'pending' } })) > 0;
      assertDecision(decideCorrectionStart(issue.status, user.roles, { pending, label: issueLabel(issue) }), '期刊', dto.version, issue.version);
      const entries = await tx.entry.findMany({ where: { id: { in: entryIds }, issueId }, select: { id: true, title: true, bodyHtml: true } });
      const foreign = entryIds.find((id) => !entries.some((entry) => entry.id === id));
      if (foreign) throw invalid(`条目不属于${issueLabel(issue)}：${foreign}`);
      const current = await this.currentWording(tx, issueId);
      const changes: CorrectedEntry[] = dto.entries.map((change) => {
        const base = current.get(change.entryId) ?? entries.find((entry) => entry.id === change.entryId)!;
        const body = normaliseBody(change) ?? normaliseBody({ bodyHtml: base.bodyHtml })!;
        return { entryId: change.entryId, title: change.title?.trim() ?? base.title, ...body };
      });
      // Refused now, not at the sign-off, when it would change nothing that was published.
      const reason = dto.reason.trim();
      if (!(await correctedSnapshot(tx, await currentPublication(tx, issue), changes, { revision: issue.revision + 1, date: officeIsoDate(new Date()), reason }))) {
        throw invalid(`本次勘误没有改变${issueLabel(issue)}任何条目的标题或正文。`);
      }
      const request = await tx.issueCorrectionRequest.create({ data: { issueId, reason, entries: changes as unknown as Prisma.InputJsonValue, createdById: user.id } });
      await this.audit.record(tx, { actor: user, action: 'issue.correction_start', entityType: 'issue', entityId: issueId, after: { correctionId: request.id, reason, entryIds } });
      return { ...request, revision: null };
    }, { timeout: CORRECTION_TIMEOUT_MS });
  }

  /** 签发勘误: the correction is made — a new revision, its publication with the 勘误 notice, a new final PDF. */
  async signOff(issueId: string, requestId: string, dto: TransitionDto, user: AuthUser) {
    const correction = await this.prisma.$transaction(async (tx) => {
      const { issue, request } = await this.decide(tx, issueId, requestId, 'sign_off', dto, user);
      const changes = requestEntries(request.entries);
      const revision = issue.revision + 1;
      const now = new Date();
      // The new revision prints what the previous one published with these entries corrected, never
      // the live tables: a section or unit renamed since does not slip into a published issue.
      const previous = await currentPublication(tx, issue);
      const snapshot = await correctedSnapshot(tx, previous, changes, { revision, date: officeIsoDate(now), reason: request.reason });
      if (!snapshot) throw invalid(`本次勘误没有改变${issueLabel(issue)}任何条目的标题或正文。`);
      const created = await tx.issueCorrection.create({ data: { issueId, revision, reason: request.reason, createdById: request.createdById, createdAt: now } });
      for (const { entryId, title, bodyHtml, bodyText } of changes) await tx.issueCorrectionEntry.create({ data: { correctionId: created.id, entryId, title, bodyHtml, bodyText } });
      await tx.issue.update({ where: { id: issueId }, data: { revision, version: { increment: 1 } } });
      await recordPublication(tx, revision, snapshot, now);
      await tx.issueCorrectionRequest.update({ where: { id: requestId }, data: { status: 'signed_off', decidedById: user.id, decidedAt: now, correctionId: created.id } });
      // Every final of an earlier revision, made or still under way, is superseded; each stays downloadable.
      await tx.rendition.updateMany({ where: { issueId, kind: 'final', issueRevision: { lt: revision }, supersededAt: null }, data: { supersededAt: now } });
      await this.audit.record(tx, {
        actor: user,
        action: 'issue.correct',
        entityType: 'issue',
        entityId: issueId,
        before: { revision: issue.revision },
        after: { revision, reason: created.reason, entryIds: changes.map((change) => change.entryId), correctionId: requestId },
      });
      return { ...created, status: 'signed_off' as const };
    }, { timeout: CORRECTION_TIMEOUT_MS });
    const { rendition } = await this.renditions.request(issueId, 'final', user);
    return { ...correction, rendition };
  }

  /** 退回勘误: nothing is published; the editor may start a better one. */
  async returnRequest(issueId: string, requestId: string, dto: ReturnDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      await this.decide(tx, issueId, requestId, 'return', dto, user);
      const comment = dto.comment!.trim();
      const returned = await tx.issueCorrectionRequest.update({ where: { id: requestId }, data: { status: 'returned', decidedById: user.id, decidedAt: new Date(), decisionComment: comment } });
      await this.audit.record(tx, { actor: user, action: 'issue.correction_return', entityType: 'issue', entityId: issueId, after: { correctionId: requestId, comment } });
      return { ...returned, revision: null };
    });
  }

  /** Locks the issue, finds the pending correction and asks the workflow whether this user may take `action` now. */
  private async decide(tx: Tx, issueId: string, requestId: string, action: CorrectionAction, dto: ReturnDto, user: AuthUser) {
    if (!(await lockIssues(tx, [issueId], 'update')).size) throw notFound('期刊', issueId);
    const issue = await tx.issue.findUniqueOrThrow({ where: { id: issueId } });
    const request = await tx.issueCorrectionRequest.findFirst({ where: { id: requestId, issueId } });
    if (!request) throw notFound('勘误', requestId);
    const decision = decideCorrection(action, request.status, user.roles, { comment: dto.comment, label: `${issueLabel(issue)}的勘误` });
    if (!decision.ok && decision.reason === 'role') throw refusalError(decision);
    if (dto.version !== issue.version) throw staleVersion('期刊', dto.version, issue.version);
    if (!decision.ok) throw refusalError(decision);
    return { issue, request };
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

/** A request's `entries` column, as `start` wrote it. */
function requestEntries(value: Prisma.JsonValue): CorrectedEntry[] {
  return value as unknown as CorrectedEntry[];
}
