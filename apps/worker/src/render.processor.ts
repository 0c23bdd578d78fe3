import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { loadIssueSnapshot, type PrismaClient } from '@dsyb/db';
import { enqueueRender, RENDER_QUEUE, redisConnectionOptions, type RenderJobData } from '@dsyb/domain';
import { describeStorage, type RenditionStorage } from '@dsyb/storage';
import { TypesetError } from '@dsyb/typeset';
import { failureMessage, isUnrecoverable } from './render-failure';
import { PRISMA, RENDITION_STORAGE, TYPESETTING_THREADS } from './tokens';
import type { ThreadRendering, TypesettingThreads } from './typesetting-threads';
import { WORKER_CONFIG, type WorkerConfig } from './worker-config';

export interface RenderResult {
  pages: number;
  bytes: number;
}

/**
 * Renders queued renditions. PostgreSQL is the record: a rendition row is written before its
 * job, every step is written to the row, and rows still pending at start-up are queued again.
 *
 * The BullMQ Worker is created here rather than through @Processor because its lock and
 * stalled-check settings come from the configuration, which a decorator cannot see.
 */
@Injectable()
export class RenderProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RenderProcessor.name);
  private worker: Worker<RenderJobData, RenderResult> | undefined;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(RENDITION_STORAGE) private readonly storage: RenditionStorage,
    @Inject(TYPESETTING_THREADS) private readonly threads: TypesettingThreads,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @InjectQueue(RENDER_QUEUE) private readonly queue: Queue<RenderJobData>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Fonts are loaded now rather than on the first request an editor waits for.
    await this.threads.start();
    const { queue, concurrency, workerName } = this.config;
    this.worker = new Worker<RenderJobData, RenderResult>(RENDER_QUEUE, (job) => this.process(job), {
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
    this.logger.log(`处理排版队列（并发 ${concurrency}，存储：${describeStorage(this.config.storage)}）`);
  }

  /** Lets the job under way finish (or, past Nest's grace period, leaves it to the stalled-job checker). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.threads.close();
  }

  /**
   * Rows that are queued or running with no job behind them (Redis lost its data, a worker died
   * before the API's job was added…) are queued again. enqueueRender adds nothing for a job that is
   * still waiting, delayed or running, so several workers starting at once add one job in all.
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

  async process(job: Job<RenderJobData>): Promise<RenderResult> {
    const { renditionId } = job.data;
    const rendition = await this.prisma.rendition.findUnique({ where: { id: renditionId } });
    if (!rendition) throw new UnrecoverableError(`排版记录 ${renditionId} 不存在`);

    const startedAt = new Date();
    // Only a pending rendition is started, so a second job for it (from before job ids were
    // deterministic, or one whose worker was thought dead) never reopens a finished one. A
    // rendition left running by a worker that died is started again from the beginning.
    const claimed = await this.prisma.rendition.updateMany({
      where: { id: renditionId, status: { in: ['queued', 'running'] } },
      data: { status: 'running', progress: 5, startedAt, attempts: { increment: 1 } },
    });
    if (claimed.count === 0) return { pages: rendition.pages ?? 0, bytes: rendition.bytes ?? 0 };
    await this.reportProgress(job, 5);

    const snapshot = await loadIssueSnapshot(this.prisma, rendition.issueId, rendition.kind, rendition.createdAt);
    if (!snapshot) throw new UnrecoverableError(`期刊 ${rendition.issueId} 不存在`);
    await this.progress(job, renditionId, 20);

    let rendered: ThreadRendering;
    try {
      rendered = await this.threads.render(snapshot);
    } catch (error) {
      // Bad content will not typeset better next time: fail at once, with the message naming the entry.
      if (error instanceof TypesetError) throw new UnrecoverableError(error.message);
      throw error;
    }
    for (const warning of rendered.warnings) this.logger.warn(`排版警告（${renditionId}）：${warning}`);
    await this.progress(job, renditionId, 80);

    // Same key on every attempt: a retry replaces, atomically, whatever an earlier one left.
    const stored = await this.storage.put(`issues/${rendition.issueId}/${renditionId}.pdf`, rendered.pdf);
    const finishedAt = new Date();
    const renderMs = finishedAt.getTime() - startedAt.getTime();
    await this.prisma.rendition.updateMany({
      where: { id: renditionId, status: { not: 'done' } },
      data: {
        status: 'done',
        progress: 100,
        pages: rendered.pages,
        bytes: stored.bytes,
        sha256: stored.sha256,
        storageKey: stored.key,
        error: null,
        finishedAt,
        renderMs,
      },
    });
    await job.updateProgress(100);
    this.logger.log(`排版完成 ${renditionId}：${rendered.pages} 页，${renderMs} 毫秒`);
    return { pages: rendered.pages, bytes: stored.bytes };
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

  private async progress(job: Job, renditionId: string, progress: number): Promise<void> {
    await this.prisma.rendition.updateMany({ where: { id: renditionId, status: 'running' }, data: { progress } });
    await this.reportProgress(job, progress);
  }

  private async reportProgress(job: Job, progress: number): Promise<void> {
    await job.updateProgress(progress);
    // RENDER_TEST_DELAY_MS: lets end-to-end tests see each step and kill a worker between steps.
    if (this.config.testDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.config.testDelayMs));
  }
}
