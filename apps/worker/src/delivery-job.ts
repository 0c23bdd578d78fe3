import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { auditEventInsert, type Delivery, type PrismaClient } from '@dsyb/db';
import { composeDeliveryMail, hashDeliveryToken, type DeliverJobData } from '@dsyb/domain';
import type { RenditionStorage } from '@dsyb/storage';
import { Mailer } from './mailer';
import { firstPageSize } from './personalise-pdf';
import { PERSONALISING_THREADS, PRISMA, RENDITION_STORAGE, TYPESETTING_THREADS } from './tokens';
import type { StampPageSize } from '@dsyb/typeset';
import type { TypesettingThreads } from './typesetting-threads';

/** The audit trail's name for what the queue does on its own. */
const QUEUE_ACTOR = '分发队列';

type LoadedDelivery = NonNullable<Awaited<ReturnType<DeliveryJob['load']>>>;

/**
 * The steps of one delivery job: make the unit's personalised PDF (once), then, when the job
 * carries a link, e-mail it to the unit. Each step's outcome is written to the delivery row, which
 * is the record the board reads; the queue's lifecycle (start, recovery, final failure) is
 * DeliveryProcessor's.
 */
@Injectable()
export class DeliveryJob {
  private readonly logger = new Logger(DeliveryJob.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(RENDITION_STORAGE) private readonly storage: RenditionStorage,
    @Inject(TYPESETTING_THREADS) private readonly threads: TypesettingThreads,
    @Inject(PERSONALISING_THREADS) private readonly personalising: TypesettingThreads,
    private readonly mailer: Mailer,
  ) {}

  /**
   * The final PDF of the dispatch under way and its page size, read from the storage once for all
   * its units rather than once each (a hundred reads of the same object from S3). The two latest
   * are kept: a correction's dispatch may overlap the one before.
   */
  private finals = new Map<string, Promise<{ pdf: Buffer; page: StampPageSize }>>();

  private finalPdf(rendition: { id: string; storageKey: string }): Promise<{ pdf: Buffer; page: StampPageSize }> {
    let cached = this.finals.get(rendition.id);
    if (!cached) {
      cached = this.storage.get(rendition.storageKey).then(async (pdf) => ({ pdf, page: await firstPageSize(pdf) }));
      // A failed read is not kept: the retry reads again.
      cached.catch(() => this.finals.delete(rendition.id));
      this.finals.set(rendition.id, cached);
      for (const key of [...this.finals.keys()].slice(0, -2)) this.finals.delete(key);
    }
    return cached;
  }

  async run(job: Job<DeliverJobData>): Promise<void> {
    const delivery = await this.load(job.data.deliveryId);
    if (!delivery) throw new UnrecoverableError(`分发记录 ${job.data.deliveryId} 不存在`);
    const pdf = delivery.pdfStatus === 'done' ? undefined : await this.personalise(delivery);
    if (job.data.mail && delivery.method === 'email') await this.mail(job, delivery, pdf);
  }

  load(deliveryId: string) {
    return this.prisma.delivery.findUnique({
      where: { id: deliveryId },
      // The rendition's stored snapshot (the whole issue) is not needed here, only where its PDF is.
      include: { dispatch: { include: { rendition: { select: { id: true, storageKey: true } } } }, issue: { include: { masthead: true } } },
    });
  }

  /** The final PDF the dispatch was made from, with the unit's stamp on every page, stored beside the renditions. */
  private async personalise(delivery: LoadedDelivery): Promise<Buffer> {
    const started = Date.now();
    await this.prisma.delivery.updateMany({ where: { id: delivery.id, pdfStatus: { not: 'done' } }, data: { pdfStatus: 'running', pdfError: null } });
    const { rendition } = delivery.dispatch;
    if (!rendition.storageKey) throw new UnrecoverableError(`正式版 PDF（${rendition.id}）没有存储位置`);
    const final = await this.finalPdf({ id: rendition.id, storageKey: rendition.storageKey });
    const { issue } = delivery;
    const stamp = [`发至：${delivery.unitName}`, `总第${issue.serialNumber}期${delivery.issueRevision > 1 ? `（第${delivery.issueRevision}版）` : ''}`, issue.masthead.notice.replace(/[()（）]/g, '')].join('　');
    const stamps = await this.threads.stamps([stamp], final.page);
    const { pdf: personalised } = await this.personalising.personalise(final.pdf, stamps.pdf);
    const stored = await this.storage.put(`deliveries/${delivery.issueId}/${delivery.id}.pdf`, personalised);
    await this.prisma.delivery.updateMany({
      where: { id: delivery.id, pdfStatus: { not: 'done' } },
      data: { pdfStatus: 'done', pdfStorageKey: stored.key, pdfBytes: stored.bytes, pdfSha256: stored.sha256, pdfError: null },
    });
    this.logger.log(`个性化 PDF：${delivery.unitName}，${stored.bytes} 字节，${Date.now() - started} 毫秒`);
    return personalised;
  }

  /**
   * The unit's e-mail, with the job's link. A link revoked meanwhile is not sent: when a newer link
   * exists its own job sends that one, otherwise the e-mail is marked failed with the reason.
   */
  private async mail(job: Job<DeliverJobData>, delivery: LoadedDelivery, made: Buffer | undefined): Promise<void> {
    const { link, reason } = job.data.mail!;
    const token = link.slice(link.lastIndexOf('/') + 1);
    const row = await this.prisma.deliveryLink.findUnique({ where: { tokenHash: hashDeliveryToken(token) } });
    if (!row || row.revokedAt) {
      const newer = await this.prisma.deliveryLink.count({ where: { deliveryId: delivery.id, revokedAt: null, createdAt: { gt: row?.createdAt ?? new Date(0) } } });
      if (newer === 0) await this.prisma.delivery.update({ where: { id: delivery.id }, data: { mailStatus: 'failed', mailError: '链接已撤销，邮件未发送' } });
      return;
    }
    const settings = await this.prisma.deliverySettings.findUniqueOrThrow({ where: { key: 'default' } });
    const { issue } = delivery;
    const message = composeDeliveryMail({
      unitName: delivery.unitName,
      issue,
      issueRevision: delivery.issueRevision,
      link,
      expiresAt: row.expiresAt,
      reason,
      office: { name: issue.masthead.sponsor, phone: issue.masthead.phone },
      attached: settings.attachPdf,
    });
    const attachment = settings.attachPdf
      ? { filename: `${issue.title}-总第${issue.serialNumber}期-${delivery.unitName}.pdf`, content: made ?? (await this.storage.get(delivery.pdfStorageKey!)) }
      : undefined;
    try {
      const messageId = await this.mailer.send(settings, `${issue.masthead.sponsor} <${issue.masthead.email}>`, { to: delivery.emails, ...message, attachment });
      const sentAt = new Date();
      await this.prisma.$transaction([
        this.prisma.delivery.update({ where: { id: delivery.id }, data: { mailStatus: 'sent', sentAt, mailError: null, mailAttempts: { increment: 1 } } }),
        this.prisma.$executeRaw(auditEventInsert({ actorName: QUEUE_ACTOR, action: reason === 'reminder' ? 'delivery.remind_send' : 'delivery.send', entityType: 'delivery', entityId: delivery.id, after: { to: delivery.emails, subject: message.subject, messageId }, at: sentAt })),
      ]);
    } catch (error) {
      await this.recordMailFailure(job, delivery, error);
      throw error;
    }
  }

  /** Every failed attempt is on the board at once: 重试中 with the server's answer, or 发送失败 after the last. */
  private async recordMailFailure(job: Job<DeliverJobData>, delivery: Delivery, error: unknown): Promise<void> {
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const message = error instanceof Error ? error.message : String(error);
    await this.prisma.delivery.update({
      where: { id: delivery.id },
      data: { mailStatus: last ? 'failed' : 'retrying', mailError: message.slice(0, 1000), mailAttempts: { increment: 1 } },
    });
    if (last) {
      await this.prisma.$executeRaw(auditEventInsert({ actorName: QUEUE_ACTOR, action: 'delivery.send_failed', entityType: 'delivery', entityId: delivery.id, after: { to: delivery.emails, error: message.slice(0, 1000) } }));
    }
  }
}
