import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { auditEventInsert, type PrismaClient } from '@dsyb/db';
import {
  DELIVER_JOB,
  DELIVER_JOB_OPTIONS,
  DELIVERY_QUEUE,
  deliverJobId,
  deliveryLink,
  linkExpiry,
  newDeliveryToken,
  redisConnectionOptions,
  type DeliverJobData,
} from '@dsyb/domain';
import { DeliveryJob } from './delivery-job';
import { Mailer } from './mailer';
import { recoverPeriodically } from './recovery';
import { PERSONALISING_THREADS, PRISMA } from './tokens';
import type { TypesettingThreads } from './typesetting-threads';
import { WORKER_CONFIG, type WorkerConfig } from './worker-config';

/** How old a pending delivery must be to count as lost (the API queues right after its commit). */
const SWEEP_GRACE_MS = 60_000;

/**
 * The delivery queue's lifecycle in this process: the BullMQ worker, the final failure of a job,
 * and the recovery of deliveries whose job was lost (Redis down when the API queued them, or
 * emptied since). PostgreSQL is the record: a delivery still pending with no job behind it is
 * queued again, at start-up and every QUEUE_RECOVERY_INTERVAL_MS (30 s); an e-mail whose link left with the lost job gets
 * a fresh link (the old one keeps working).
 */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryProcessor.name);
  private worker: Worker<DeliverJobData> | undefined;
  private stopRecovery: (() => void) | undefined;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @InjectQueue(DELIVERY_QUEUE) private readonly queue: Queue<DeliverJobData>,
    private readonly deliveryJob: DeliveryJob,
    private readonly mailer: Mailer,
    @Inject(PERSONALISING_THREADS) private readonly personalising: TypesettingThreads,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The personalising thread is not started here but by the first copy a delivery makes (a few
    // tenths of a second, once): a worker that only typesets keeps a thread's 13–15 MB (its own V8
    // heap and pdf-lib) until it dispatches.
    this.worker = new Worker<DeliverJobData>(DELIVERY_QUEUE, (job) => this.deliveryJob.run(job), {
      connection: redisConnectionOptions(this.config.redisUrl),
      prefix: this.config.queuePrefix,
      name: this.config.workerName,
      concurrency: this.config.deliveryConcurrency,
      autorun: false,
    });
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    this.worker.on('error', (error) => this.logger.error(`分发队列连接出错：${error.message}`));
    await this.requeueLost(0);
    this.worker.run().catch((error: unknown) => this.logger.error(`分发队列停止：${String(error)}`));
    this.stopRecovery = recoverPeriodically(this.config.recoveryIntervalMs, () => this.requeueLost(SWEEP_GRACE_MS), (error) => this.logger.warn(`补排分发任务失败：${String(error)}`));
    this.logger.log(`处理分发队列（并发 ${this.config.deliveryConcurrency}）`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopRecovery?.();
    await this.worker?.close();
    await this.personalising.close();
    this.mailer.close();
  }

  /** Pending deliveries (PDF not made, e-mail not sent) older than `graceMs` with no job in the queue are queued again. */
  async requeueLost(graceMs: number): Promise<number> {
    const pending = await this.prisma.delivery.findMany({
      where: {
        supersededAt: null,
        updatedAt: { lt: new Date(Date.now() - graceMs) },
        OR: [{ pdfStatus: { in: ['queued', 'running'] } }, { mailStatus: { in: ['queued', 'retrying'] } }],
      },
      include: { links: { where: { revokedAt: null } } },
    });
    let added = 0;
    for (const delivery of pending) {
      const jobIds = [deliverJobId(delivery.id), ...delivery.links.map((link) => deliverJobId(delivery.id, link.id))];
      const states = await Promise.all(jobIds.map(async (id) => (await this.queue.getJob(id))?.getState()));
      if (states.some((state) => state !== undefined && state !== 'completed' && state !== 'failed')) continue;
      const mailPending = delivery.mailStatus === 'queued' || delivery.mailStatus === 'retrying';
      if (!mailPending) {
        await this.queue.remove(deliverJobId(delivery.id));
        await this.queue.add(DELIVER_JOB, { deliveryId: delivery.id }, { ...DELIVER_JOB_OPTIONS, jobId: deliverJobId(delivery.id) });
      } else {
        const settings = await this.prisma.deliverySettings.findUniqueOrThrow({ where: { key: 'default' } });
        const { token, hash } = newDeliveryToken();
        const linkId = randomUUID();
        await this.prisma.$transaction([
          this.prisma.deliveryLink.create({ data: { id: linkId, deliveryId: delivery.id, tokenHash: hash, purpose: 'recovery', expiresAt: linkExpiry(new Date(), settings.linkTtlDays) } }),
          this.prisma.$executeRaw(auditEventInsert({ actorName: '分发队列', action: 'delivery.recover', entityType: 'delivery', entityId: delivery.id, after: { reason: '分发任务丢失，已用新链接重新排队' } })),
        ]);
        await this.queue.add(
          DELIVER_JOB,
          { deliveryId: delivery.id, mail: { link: deliveryLink(delivery.linkBase, token), reason: 'dispatch' } },
          { ...DELIVER_JOB_OPTIONS, jobId: deliverJobId(delivery.id, linkId) },
        );
      }
      added += 1;
    }
    if (added) this.logger.log(`重新排队 ${added} 个未完成的分发任务`);
    return added;
  }

  /** After the last attempt: a PDF not made is marked failed, and so is an e-mail that could not go without it. */
  async onFailed(job: Job<DeliverJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    this.logger.warn(`分发任务 ${job.data.deliveryId} 失败（第 ${job.attemptsMade} 次）：${error.message}`);
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    const id = job.data.deliveryId;
    try {
      if (!final) {
        await this.prisma.delivery.updateMany({ where: { id, pdfStatus: 'running' }, data: { pdfStatus: 'queued', pdfError: error.message.slice(0, 1000) } });
        return;
      }
      const failed = await this.prisma.delivery.updateMany({ where: { id, pdfStatus: { not: 'done' } }, data: { pdfStatus: 'failed', pdfError: error.message.slice(0, 1000) } });
      if (failed.count > 0) {
        await this.prisma.delivery.updateMany({ where: { id, mailStatus: { in: ['queued', 'retrying'] } }, data: { mailStatus: 'failed', mailError: '个性化 PDF 未能生成，邮件未发送' } });
      }
    } catch (updateError) {
      this.logger.error(`无法记录分发失败：${String(updateError)}`);
    }
  }
}
