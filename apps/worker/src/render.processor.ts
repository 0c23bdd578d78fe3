import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { loadIssueSnapshot, type PrismaClient } from '@dsyb/db';
import { RENDER_JOB, RENDER_JOB_OPTIONS, RENDER_QUEUE, type RenderJobData } from '@dsyb/domain';
import type { RenditionStorage } from '@dsyb/storage';
import { renderIssuePdf, TypesetError, warmUpTypesetter } from '@dsyb/typeset';
import { PRISMA, RENDITION_STORAGE } from './tokens';

@Processor(RENDER_QUEUE)
export class RenderProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RenderProcessor.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(RENDITION_STORAGE) private readonly storage: RenditionStorage,
    @InjectQueue(RENDER_QUEUE) private readonly queue: Queue<RenderJobData>,
  ) {
    super();
  }

  /** PostgreSQL is the record: requests whose job Redis lost are queued again at start-up. */
  async onApplicationBootstrap(): Promise<void> {
    // Load the fonts now rather than on the first request an editor waits for.
    warmUpTypesetter();
    const pending = await this.prisma.rendition.findMany({ where: { status: { in: ['queued', 'running'] } }, select: { id: true } });
    for (const { id } of pending) {
      await this.queue.add(RENDER_JOB, { renditionId: id }, { ...RENDER_JOB_OPTIONS, jobId: `${id}-restart-${Date.now()}` });
    }
    if (pending.length) this.logger.log(`重新排队 ${pending.length} 个未完成的排版任务`);
  }

  async process(job: Job<RenderJobData>): Promise<{ pages: number; bytes: number }> {
    const { renditionId } = job.data;
    const rendition = await this.prisma.rendition.findUnique({ where: { id: renditionId } });
    if (!rendition) throw new UnrecoverableError(`rendition ${renditionId} not found`);
    if (rendition.status === 'done') return { pages: rendition.pages ?? 0, bytes: rendition.bytes ?? 0 };

    const startedAt = new Date();
    await this.progress(job, renditionId, 5, { status: 'running', startedAt, attempts: { increment: 1 } });
    const snapshot = await loadIssueSnapshot(this.prisma, rendition.issueId, rendition.kind, rendition.createdAt);
    if (!snapshot) throw new UnrecoverableError(`issue ${rendition.issueId} not found`);
    await this.progress(job, renditionId, 20);

    let result: ReturnType<typeof renderIssuePdf>;
    try {
      result = renderIssuePdf(snapshot);
    } catch (error) {
      if (error instanceof TypesetError) throw new UnrecoverableError(error.message);
      throw error;
    }
    await this.progress(job, renditionId, 80);

    const stored = await this.storage.put(`issues/${rendition.issueId}/${renditionId}.pdf`, result.pdf);
    const finishedAt = new Date();
    await this.prisma.rendition.update({
      where: { id: renditionId },
      data: {
        status: 'done',
        progress: 100,
        pages: result.pages,
        bytes: stored.bytes,
        sha256: stored.sha256,
        storageKey: stored.key,
        error: null,
        finishedAt,
        renderMs: finishedAt.getTime() - startedAt.getTime(),
      },
    });
    await job.updateProgress(100);
    return { pages: result.pages, bytes: stored.bytes };
  }

  /** A job that will not be tried again leaves a failed rendition with the reason. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<RenderJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(`排版任务 ${job.data.renditionId} 失败（第 ${job.attemptsMade} 次）：${error.message}`);
    if (!final) return;
    await this.prisma.rendition.update({
      where: { id: job.data.renditionId },
      data: { status: 'failed', error: error.message.slice(0, 2000), finishedAt: new Date() },
    }).catch((updateError: unknown) => this.logger.error(String(updateError)));
  }

  private async progress(job: Job, renditionId: string, progress: number, data: object = {}): Promise<void> {
    await this.prisma.rendition.update({ where: { id: renditionId }, data: { ...data, progress } });
    await job.updateProgress(progress);
  }
}
