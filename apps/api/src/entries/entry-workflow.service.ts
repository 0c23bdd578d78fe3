import { Injectable } from '@nestjs/common';
import { decide } from '@dsyb/workflow';
import type { Prisma } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { notFound } from '../common/domain-errors';
import { presentEntry } from './entries.service';
import { recordEntryRevision } from './entry-revisions';
import { PrismaService } from '../prisma/prisma.service';
import { assertDecision, entryLabel, lockIssues, refusalError, staleVersion } from '../common/workflow-decisions';
import type { ReturnDto } from '../common/transition.dto';
import type { CommentDto } from './entry-comment.dto';

export type EntryTransition = 'submit' | 'withdraw' | 'approve' | 'return';

const COMMENT_INCLUDE = { author: { select: { id: true, username: true, displayName: true } } } satisfies Prisma.ReviewCommentInclude;

type CommentRow = Prisma.ReviewCommentGetPayload<{ include: typeof COMMENT_INCLUDE }>;

function presentComment(comment: CommentRow) {
  return { id: comment.id, entryId: comment.entryId, entryVersion: comment.entryVersion, body: comment.body, author: comment.author, createdAt: comment.createdAt };
}

/** Review of single entries: submit, withdraw, approve, return with a comment, and review comments. */
@Injectable()
export class EntryWorkflowService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  async transition(id: string, action: EntryTransition, dto: ReturnDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.entry.findUnique({ where: { id } });
      if (!before) throw notFound('条目', id);
      const issue = before.issueId ? (await lockIssues(tx, [before.issueId], 'share')).get(before.issueId) : undefined;
      const decision = decide('entry', action, before.status, user.roles, {
        issueState: issue?.status ?? null,
        comment: dto.comment,
        label: entryLabel(before),
      });
      const to = assertDecision(decision, '条目', dto.version, before.version);
      // Every transition is a new version of the entry, with its revision, like any save.
      const updated = await tx.entry.updateMany({
        where: { id, version: dto.version },
        data: { status: to, version: { increment: 1 }, updatedById: user.id },
      });
      if (updated.count === 0) {
        const current = await tx.entry.findUnique({ where: { id }, select: { version: true } });
        throw staleVersion('条目', dto.version, current?.version ?? before.version);
      }
      const entry = await tx.entry.findUniqueOrThrow({ where: { id } });
      await recordEntryRevision(tx, id, user);
      const comment = action === 'return' ? dto.comment?.trim() : undefined;
      if (comment) {
        // The comment belongs to the version the reviewer read and returned.
        await tx.reviewComment.create({ data: { entryId: id, entryVersion: dto.version, authorId: user.id, body: comment } });
      }
      // A return straight from 待审 is a first return; from 退回修改 a submit is a resubmission.
      const name = action === 'submit' && before.status === 'changes_requested' ? 'resubmit' : action;
      await this.audit.record(tx, {
        actor: user,
        action: `entry.${name}`,
        entityType: 'entry',
        entityId: id,
        before: { status: before.status, version: before.version },
        after: { status: entry.status, version: entry.version, ...(comment ? { comment } : {}) },
      });
      return presentEntry(entry);
    });
  }

  async comments(entryId: string) {
    const entry = await this.prisma.entry.findUnique({ where: { id: entryId }, select: { id: true } });
    if (!entry) throw notFound('条目', entryId);
    const rows = await this.prisma.reviewComment.findMany({ where: { entryId }, include: COMMENT_INCLUDE, orderBy: { createdAt: 'asc' } });
    return rows.map(presentComment);
  }

  async addComment(entryId: string, dto: CommentDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const entry = await tx.entry.findUnique({ where: { id: entryId }, include: { issue: { select: { status: true } } } });
      if (!entry) throw notFound('条目', entryId);
      const decision = decide('entry', 'comment', entry.status, user.roles, {
        issueState: entry.issue?.status ?? null,
        comment: dto.body,
        label: entryLabel(entry),
      });
      if (!decision.ok) throw refusalError(decision);
      const comment = await tx.reviewComment.create({
        data: { entryId, entryVersion: entry.version, authorId: user.id, body: dto.body.trim() },
        include: COMMENT_INCLUDE,
      });
      await this.audit.record(tx, { actor: user, action: 'entry.comment', entityType: 'entry', entityId: entryId, after: { commentId: comment.id, entryVersion: entry.version, body: comment.body } });
      return presentComment(comment);
    });
  }
}
