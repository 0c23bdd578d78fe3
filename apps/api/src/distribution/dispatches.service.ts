import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { correctedRevisionName, type DispatchResult } from '@dsyb/contracts';
import { deliveryLink, linkExpiry, newDeliveryToken } from '@dsyb/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { issueLabel, lockIssues } from '../common/workflow-decisions';
import { PrismaService } from '../prisma/prisma.service';
import { DeliverySettingsService, linkBaseOf } from '../settings/delivery-settings.service';
import { DELIVERY_INCLUDE, presentDelivery } from './delivery.presenter';
import { DeliveryJobs, type DeliveryJob } from './delivery-jobs';

/**
 * 分发: a published issue's current revision goes to every unit on its distribution list. One
 * transaction records the dispatch, a delivery per unit (in list order, with the unit's name,
 * method, addresses and paper copies as they are now) and a link per delivery (its hash only),
 * and marks the deliveries of earlier revisions superseded; then the delivery queue makes each
 * unit's personalised PDF and sends the e-mails.
 */
@Injectable()
export class DispatchesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly settings: DeliverySettingsService,
    private readonly jobs: DeliveryJobs,
  ) {}

  async dispatch(issueId: string, user: AuthUser, origin: string): Promise<DispatchResult> {
    const settings = await this.settings.read();
    const linkBase = linkBaseOf(settings, origin);
    const now = new Date();
    const expiresAt = linkExpiry(now, settings.linkTtlDays);
    const { dispatch, tokens } = await this.prisma.$transaction(async (tx) => {
      if (!(await lockIssues(tx, [issueId], 'update')).size) throw notFound('期刊', issueId);
      const issue = await tx.issue.findUniqueOrThrow({ where: { id: issueId } });
      const label = issueLabel(issue);
      if (issue.status !== 'published') throw conflict(`${label}尚未发布，发布后才能分发。`);
      const final = await tx.rendition.findFirst({
        where: { issueId, kind: 'final', status: 'done', issueRevision: issue.revision, supersededAt: null },
        orderBy: { finishedAt: 'desc' },
      });
      if (!final) throw conflict(`${label}${revisionLabel(issue.revision)}的正式版 PDF 尚未生成完成，请先生成正式版再分发。`);
      const earlier = await tx.dispatch.findFirst({ where: { issueId, issueRevision: issue.revision }, select: { createdAt: true } });
      if (earlier) throw conflict(`${label}${revisionLabel(issue.revision)}已经分发过；需要再次发给某个单位时，请在“发放情况”中对该单位“重发”。`);
      const list = await tx.issueRecipient.findMany({ where: { issueId }, orderBy: { position: 'asc' }, include: { recipient: true } });
      if (list.length === 0) throw conflict(`${label}的发放范围为空，请先在“编排”中选择发放单位。`);
      const unreachable = list.filter(({ recipient }) => recipient.deliveryMethod === 'email' && recipient.emails.length === 0);
      if (unreachable.length > 0) {
        throw invalid(`以下单位选择电子邮件发放，但没有填写电子邮箱：${unreachable.map(({ recipient }) => recipient.name).join('、')}。请在“发放单位”中补充邮箱或改为其他发放方式。`);
      }

      const created = await tx.dispatch.create({ data: { issueId, issueRevision: issue.revision, renditionId: final.id, createdById: user.id } });
      const deliveries = list.map(({ recipient }, index) => ({
        id: randomUUID(),
        dispatchId: created.id,
        issueId,
        recipientId: recipient.id,
        issueRevision: issue.revision,
        position: index + 1,
        unitName: recipient.name,
        method: recipient.deliveryMethod,
        emails: recipient.emails,
        paperCopies: recipient.paperCopies,
        linkBase,
        mailStatus: recipient.deliveryMethod === 'email' ? ('queued' as const) : ('none' as const),
      }));
      await tx.delivery.createMany({ data: deliveries });
      const links = deliveries.map((delivery) => ({ id: randomUUID(), deliveryId: delivery.id, purpose: 'dispatch', expiresAt, ...newDeliveryToken() }));
      await tx.deliveryLink.createMany({ data: links.map(({ token: _token, hash, ...link }) => ({ ...link, tokenHash: hash })) });
      const superseded = await tx.delivery.updateMany({ where: { issueId, issueRevision: { lt: issue.revision }, supersededAt: null }, data: { supersededAt: now } });
      await this.audit.record(tx, {
        actor: user,
        action: 'issue.dispatch',
        entityType: 'issue',
        entityId: issueId,
        after: { dispatchId: created.id, revision: issue.revision, renditionId: final.id, units: deliveries.length, superseded: superseded.count },
      });
      return { dispatch: created, tokens: new Map<string, { linkId: string; token: string }>(links.map((link) => [link.deliveryId, { linkId: link.id, token: link.token }])) };
    });

    const rows = await this.prisma.delivery.findMany({ where: { dispatchId: dispatch.id }, include: DELIVERY_INCLUDE, orderBy: { position: 'asc' } });
    const jobs: DeliveryJob[] = rows.map((row) => {
      const { linkId, token } = tokens.get(row.id)!;
      return row.method === 'email' ? { deliveryId: row.id, mail: { linkId, link: deliveryLink(linkBase, token), reason: 'dispatch' } } : { deliveryId: row.id };
    });
    await this.jobs.add(jobs);
    return {
      id: dispatch.id,
      issueId,
      issueRevision: dispatch.issueRevision,
      renditionId: dispatch.renditionId,
      createdAt: dispatch.createdAt.toISOString(),
      deliveries: rows.map((row) => ({ ...presentDelivery(row, settings.overdueDays, now), link: deliveryLink(linkBase, tokens.get(row.id)!.token) })),
    };
  }
}

const revisionLabel = (revision: number) => (revision > 1 ? `（${correctedRevisionName(revision)}）` : '');
