import { Injectable } from '@nestjs/common';
import { decide } from '@dsyb/workflow';
import type { Prisma } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { PrismaService } from '../prisma/prisma.service';
import { assertDecision, issueLabel, lockIssues } from '../common/workflow-decisions';
import type { IssueArrangementDto, IssueRecipientsDto } from './issue-assembly.dto';
import { IssuesService } from './issues.service';
import { bookTitle } from '@dsyb/contracts';

/**
 * Assembling an issue: placing entries in sections and ordering them, and ordering the
 * distribution list. Both carry the issue version the client read, so two editors arranging
 * the same issue never overwrite each other silently; both need an issue still being edited.
 */
@Injectable()
export class IssueAssemblyService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService, private readonly issues: IssuesService) {}

  async arrange(issueId: string, dto: IssueArrangementDto, user: AuthUser) {
    const listed = dto.sections.flatMap((section) => section.entryIds);
    if (new Set(listed).size !== listed.length) throw invalid('同一条目在编排中出现了不止一次');
    if (new Set(dto.sections.map((section) => section.sectionId)).size !== dto.sections.length) throw invalid('同一栏目在编排中出现了不止一次');
    await this.prisma.$transaction(async (tx) => {
      const issue = await this.lockEditable(tx, issueId, dto.version, user);
      const [sections, entries] = await Promise.all([
        tx.section.findMany({ where: { id: { in: dto.sections.map((section) => section.sectionId) } }, select: { id: true } }),
        tx.entry.findMany({ where: { OR: [{ id: { in: listed } }, { issueId }] }, select: { id: true, title: true, issueId: true, sectionId: true, position: true } }),
      ]);
      const unknownSection = dto.sections.find((section) => !sections.some((row) => row.id === section.sectionId));
      if (unknownSection) throw invalid(`栏目不存在：${unknownSection.sectionId}`);
      const byId = new Map(entries.map((entry) => [entry.id, entry]));
      const missing = listed.find((id) => !byId.has(id));
      if (missing) throw invalid(`条目不存在：${missing}`);
      const elsewhere = entries.filter((entry) => listed.includes(entry.id) && entry.issueId !== null && entry.issueId !== issueId);
      if (elsewhere.length) throw conflict(`以下条目已编入其他期刊，请先从原期刊移出：${elsewhere.map((entry) => bookTitle(entry.title)).join('、')}`);

      const removed = entries.filter((entry) => entry.issueId === issueId && !listed.includes(entry.id));
      if (removed.length) await tx.entry.updateMany({ where: { id: { in: removed.map((entry) => entry.id) } }, data: { issueId: null, updatedById: user.id } });
      for (const section of dto.sections) {
        for (const [position, entryId] of section.entryIds.entries()) {
          const entry = byId.get(entryId)!;
          if (entry.issueId === issueId && entry.sectionId === section.sectionId && entry.position === position) continue;
          await tx.entry.update({ where: { id: entryId }, data: { issueId, sectionId: section.sectionId, position, updatedById: user.id } });
        }
      }
      await tx.issue.update({ where: { id: issueId }, data: { version: { increment: 1 } } });
      await this.audit.record(tx, {
        actor: user,
        action: 'issue.arrange',
        entityType: 'issue',
        entityId: issueId,
        before: { version: issue.version, entries: entries.filter((entry) => entry.issueId === issueId).map(({ id, sectionId, position }) => ({ id, sectionId, position })) },
        after: { version: issue.version + 1, sections: dto.sections, removed: removed.map((entry) => entry.id) },
      });
    });
    return this.issues.get(issueId);
  }

  async setRecipients(issueId: string, dto: IssueRecipientsDto, user: AuthUser) {
    await this.prisma.$transaction(async (tx) => {
      const issue = await this.lockEditable(tx, issueId, dto.version, user);
      const units = await tx.recipientUnit.findMany({ where: { id: { in: dto.recipientIds } }, select: { id: true } });
      const unknown = dto.recipientIds.find((id) => !units.some((unit) => unit.id === id));
      if (unknown) throw invalid(`发放单位不存在：${unknown}`);
      const before = await tx.issueRecipient.findMany({ where: { issueId }, orderBy: { position: 'asc' }, select: { recipientId: true } });
      await tx.issueRecipient.deleteMany({ where: { issueId } });
      await tx.issueRecipient.createMany({ data: dto.recipientIds.map((recipientId, position) => ({ issueId, recipientId, position })) });
      await tx.issue.update({ where: { id: issueId }, data: { version: { increment: 1 } } });
      await this.audit.record(tx, {
        actor: user,
        action: 'issue.recipients',
        entityType: 'issue',
        entityId: issueId,
        before: { version: issue.version, recipientIds: before.map((row) => row.recipientId) },
        after: { version: issue.version + 1, recipientIds: dto.recipientIds },
      });
    });
    return this.issues.get(issueId);
  }

  /** Locks the issue row, then checks role, version and state in the order every change answers. */
  private async lockEditable(tx: Prisma.TransactionClient, issueId: string, version: number, user: AuthUser) {
    const locked = await lockIssues(tx, [issueId], 'update');
    if (!locked.get(issueId)) throw notFound('期刊', issueId);
    const issue = await tx.issue.findUniqueOrThrow({ where: { id: issueId }, select: { version: true, status: true, serialNumber: true } });
    assertDecision(decide('issue', 'edit', issue.status, user.roles, { label: issueLabel(issue) }), '期刊', version, issue.version);
    return issue;
  }
}
