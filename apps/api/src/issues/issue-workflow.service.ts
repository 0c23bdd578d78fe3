import { Injectable } from '@nestjs/common';
import { decide } from '@dsyb/workflow';
import { loadIssueSnapshot, recordPublication, type Prisma } from '@dsyb/db';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { notFound } from '../common/domain-errors';
import { assertInPeriod } from '../common/out-of-period';
import { presentIssue } from './issue.presenter';
import { issuePrintWarnings } from './issue-print-warnings';
import { PrismaService } from '../prisma/prisma.service';
import { workflowHistory } from '../common/workflow-history';
import { assertDecision, issueLabel, lockIssues, staleVersion } from '../common/workflow-decisions';
import type { ConfirmedTransitionDto, ReturnDto } from '../common/transition.dto';

export type IssueTransition = 'submit_review' | 'sign_off' | 'publish' | 'return';

/** What each transition writes besides the status, and the name it has in the audit trail. */
const EFFECTS: Record<IssueTransition, (user: AuthUser, now: Date) => Prisma.IssueUncheckedUpdateManyInput> = {
  submit_review: () => ({}),
  sign_off: (user, now) => ({ signedOffAt: now, signedOffById: user.id }),
  // Publishing freezes the issue: from here on the database itself refuses changes to it, and
  // what it prints is stored as its publication (publish below).
  publish: (_user, now) => ({ publishedAt: now }),
  // A return withdraws any sign-off: the issue must be signed off again after the changes.
  return: () => ({ signedOffAt: null, signedOffById: null }),
};

/** The transitions that list entries dated outside the coverage and wait for the editor's confirmation. */
const PERIOD_CHECKED: ReadonlySet<IssueTransition> = new Set(['submit_review', 'sign_off']);

/** Publishing stores the issue's figures with its publication: it may need more than Prisma's default 5 s. */
const TRANSITION_TIMEOUT_MS = 30_000;

/** The issue's way to publication: send to review, return, sign off (签发), publish. */
@Injectable()
export class IssueWorkflowService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  async transition(id: string, action: IssueTransition, dto: ReturnDto & ConfirmedTransitionDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      // Locked first: entries cannot change state between the check of every entry and the transition.
      await lockIssues(tx, [id], 'update');
      const before = await tx.issue.findUnique({
        where: { id },
        include: { entries: { select: { id: true, title: true, status: true, eventDate: true, eventDatePrecision: true }, orderBy: [{ section: { position: 'asc' } }, { position: 'asc' }] } },
      });
      if (!before) throw notFound('期刊', id);
      const { entries, ...issue } = before;
      const decision = decide('issue', action, issue.status, user.roles, { entries, comment: dto.comment, label: issueLabel(issue) });
      const to = assertDecision(decision, '期刊', dto.version, issue.version);
      if (PERIOD_CHECKED.has(action) && dto.confirmOutOfPeriod !== true) assertInPeriod(issue, entries);
      const now = new Date();
      const updated = await tx.issue.updateMany({
        where: { id, version: dto.version },
        data: { status: to, version: { increment: 1 }, ...EFFECTS[action](user, now) },
      });
      if (updated.count === 0) throw staleVersion('期刊', dto.version, issue.version);
      if (action === 'publish') await this.publish(tx, id, issue.revision, now);
      const after = await tx.issue.findUniqueOrThrow({ where: { id } });
      const comment = action === 'return' ? dto.comment?.trim() : undefined;
      await this.audit.record(tx, {
        actor: user,
        action: `issue.${action}`,
        entityType: 'issue',
        entityId: id,
        before: { status: issue.status, version: issue.version },
        after: { status: after.status, version: after.version, ...(comment ? { comment } : {}) },
      });
      // 签发 says what will not print well (low-resolution figures); it does not refuse.
      const printWarnings = action === 'sign_off' ? { printWarnings: await issuePrintWarnings(tx, id) } : {};
      return { ...presentIssue(after, entries.length), ...printWarnings };
    }, { timeout: TRANSITION_TIMEOUT_MS });
  }

  /**
   * Stores what the issue prints now as the publication of its revision, in the transaction that
   * publishes it: from then on its finals print that alone. A final made while the issue was
   * signed off from other content (a section or unit renamed, the masthead edited since) is not
   * what was published: it is marked superseded, and stays downloadable.
   */
  private async publish(tx: Prisma.TransactionClient, id: string, revision: number, now: Date) {
    const snapshot = await loadIssueSnapshot(tx, id, 'final', now);
    if (!snapshot) throw notFound('期刊', id);
    const publication = await recordPublication(tx, revision, snapshot, now);
    await tx.rendition.updateMany({
      where: { issueId: id, kind: 'final', issueRevision: revision, supersededAt: null, contentHash: { not: publication.contentHash } },
      data: { supersededAt: now },
    });
  }

  /** The issue's way through review, with the comments of returns: who, when, what. */
  async history(id: string) {
    const issue = await this.prisma.issue.findUnique({ where: { id }, select: { id: true } });
    if (!issue) throw notFound('期刊', id);
    return workflowHistory(this.prisma, 'issue', id);
  }
}
