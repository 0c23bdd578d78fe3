import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import type { PrismaClient } from '@dsyb/db';
import { enqueueRender, RENDER_QUEUE, redisConnectionOptions, type RenderJobData } from '@dsyb/domain';
import { describeStorage } from '@dsyb/storage';
import { recoverPeriodically } from './recovery';
import { failureMessage, isUnrecoverable } from './render-failure';
import { RenderJob, type RenderResult } from './render-job';
import { PRISMA, TYPESETTING_THREADS } from './tokens';
import type { TypesettingThreads } from './typesetting-threads';
import { WORKER_CONFIG, type WorkerConfig } from './worker-config';

/**
 * The render queue's lifecycle in this process: start the BullMQ worker, re-queue what PostgreSQL
 * holds as pending, record a job's final failure, stop. What one job does is RenderJob's.
 * PostgreSQL is the record: a rendition row is written before its job, and rows pending with no
 * job behind them are queued again at start-up and every QUEUE_RECOVERY_INTERVAL_MS (30 s), so
 * a request made while Redis was away renders once it is back, without a restart.
 *
 * The BullMQ Worker is created here rather than through @Processor because its lock and
 * stalled-check settings come from the configuration, which a decorator cannot see.
 */
@Injectable()
export class RenderProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RenderProcessor.name);
  private worker: Worker<RenderJobData, RenderResult> | undefined;
  private stopRecovery: (() => void) | undefined;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TYPESETTING_THREADS) private readonly threads: TypesettingThreads,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @InjectQueue(RENDER_QUEUE) private readonly queue: Queue<RenderJobData>,
    private readonly renderJob: RenderJob,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Fonts are loaded now rather than on the first request an editor waits for.
    await this.threads.start();
    const { queue, concurrency, workerName } = this.config;
    this.worker = new Worker<RenderJobData, RenderResult>(RENDER_QUEUE, (job) => this.renderJob.run(job), {
      connection: redisConnectionOptions(this.config.redisUrl),
      prefix: this.config.queuePrefix,
      name: workerName,
      concurrency,
      lockDuration: queue.lockDurationMs,
      stalledInterval: queue.stalledIntervalMs,
      maxStalledCount: queue.maxStalledCount,
      autorun: false,
    });
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    // Without a listener an 'error' event (e.g. Redis going away) would end the process.
    this.worker.on('error', (error) => this.logger.error(`队列连接出错：${error.message}`));
    await this.requeuePending();
    this.worker.run().catch((error: unknown) => this.logger.error(`排版队列停止：${String(error)}`));
    this.stopRecovery = recoverPeriodically(this.config.recoveryIntervalMs, () => this.requeuePending(), (error) => this.logger.warn(`补排排版任务失败：${String(error)}`));
    this.logger.log(`处理排版队列（并发 ${concurrency}，存储：${describeStorage(this.config.storage)}）`);
  }

  /** Lets the job under way finish (or, past Nest's grace period, leaves it to the stalled-job checker). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopRecovery?.();
    await this.worker?.close();
    await this.threads.close();
  }

  /**
   * Rows that are queued or running with no job behind them (Redis was away when the API queued
   * them or lost its data, a worker died before the API's job was added…) are queued again.
   * enqueueRender adds nothing for a job that is still waiting, delayed or running, and the job id
   * is the rendition's, so several workers and rounds add one job in all.
   */
  async requeuePending(): Promise<number> {
    const pending = await this.prisma.rendition.findMany({
      where: { status: { in: ['queued', 'running'] } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    let added = 0;
    for (const { id } of pending) if (await enqueueRender(this.queue, id)) added += 1;
    if (added) this.logger.log(`重新排队 ${added} 个未完成的排版任务`);
    return added;
  }

  /** A job that will not be tried again leaves a failed rendition with the reason, in Chinese. */
  async onFailed(job: Job<RenderJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = isUnrecoverable(error) || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(`排版任务 ${job.data.renditionId} 失败（第 ${job.attemptsMade} 次）：${error.message}`);
    if (!final) return;
    await this.prisma.rendition
      .updateMany({
        where: { id: job.data.renditionId, status: { not: 'done' } },
        data: { status: 'failed', error: failureMessage(job, error).slice(0, 2000), finishedAt: new Date() },
      })
      .catch((updateError: unknown) => this.logger.error(`无法记录排版失败：${String(updateError)}`));
  }
}
