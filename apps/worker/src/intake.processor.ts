import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { importArticles, type PrismaClient } from '@dsyb/db';
import { IMPORT_BATCH_JOB, IMPORT_BATCH_JOB_OPTIONS, importBatchJobId, INTAKE_QUEUE, isoDate, parseIsoDate, redisConnectionOptions, type ImportBatchJobData } from '@dsyb/domain';
import { extractPageText, IntakeFileError, parsePage } from '@dsyb/intake';
import { indexDocuments, SearchDictionary } from '@dsyb/search';
import { recoverPeriodically } from './recovery';
import { PRISMA } from './tokens';
import { WORKER_CONFIG, type WorkerConfig } from './worker-config';

/**
 * 批量导入版面: each file of a batch is read (text layer, DOCX or OCR), split into articles and
 * saved as sources, one file at a time; a file that fails is named with its reason and the others
 * are saved. Files' outcomes are rows, so a job retried or re-queued after a crash carries on with
 * the files not yet done. Batches left queued (Redis down when the API queued them) are queued
 * again at start-up.
 */
@Injectable()
export class IntakeProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IntakeProcessor.name);
  private worker: Worker<ImportBatchJobData> | undefined;
  private stopRecovery: (() => void) | undefined;
  /** The district dictionary, read on the first import (jieba's dictionary is 50 MB: not loaded by a worker that only typesets). */
  private searchDictionary: SearchDictionary | undefined;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @InjectQueue(INTAKE_QUEUE) private readonly queue: Queue<ImportBatchJobData>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker<ImportBatchJobData>(INTAKE_QUEUE, (job) => this.run(job), {
      connection: redisConnectionOptions(this.config.redisUrl),
      prefix: this.config.queuePrefix,
      name: this.config.workerName,
      concurrency: 1,
      autorun: false,
    });
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    this.worker.on('error', (error) => this.logger.error(`导入队列连接出错：${error.message}`));
    await this.requeueUnfinished();
    this.worker.run().catch((error: unknown) => this.logger.error(`导入队列停止：${String(error)}`));
    this.stopRecovery = recoverPeriodically(this.config.recoveryIntervalMs, () => this.requeueUnfinished(), (error) => this.logger.warn(`补排导入任务失败：${String(error)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopRecovery?.();
    await this.worker?.close();
  }

  private async requeueUnfinished(): Promise<void> {
    const batches = await this.prisma.sourceImportBatch.findMany({ where: { status: { in: ['queued', 'running'] } }, select: { id: true } });
    for (const { id } of batches) {
      const state = await (await this.queue.getJob(importBatchJobId(id)))?.getState();
      if (state !== undefined && state !== 'completed' && state !== 'failed') continue;
      await this.queue.remove(importBatchJobId(id));
      await this.queue.add(IMPORT_BATCH_JOB, { batchId: id }, { ...IMPORT_BATCH_JOB_OPTIONS, jobId: importBatchJobId(id) });
    }
  }

  async run(job: Job<ImportBatchJobData>): Promise<void> {
    const { batchId } = job.data;
    const batch = await this.prisma.sourceImportBatch.findUnique({ where: { id: batchId }, include: { createdBy: { select: { id: true, username: true } } } });
    if (!batch) return;
    await this.prisma.sourceImportBatch.update({ where: { id: batchId }, data: { status: 'running' } });
    const files = await this.prisma.sourceImportFile.findMany({ where: { batchId }, orderBy: { position: 'asc' }, select: { id: true, status: true } });
    let finished = files.filter((file) => file.status === 'done' || file.status === 'failed').length;
    for (const { id, status } of files) {
      if (status === 'done' || status === 'failed') continue;
      await this.importFile(id, batch);
      finished += 1;
      await job.updateProgress(Math.round((finished / files.length) * 100));
    }
    await this.prisma.sourceImportBatch.update({ where: { id: batchId }, data: { status: 'done', finishedAt: new Date() } });
  }

  private async importFile(id: string, batch: { newspaper: string; issueDate: Date | null; createdBy: { id: string; username: string } | null }): Promise<void> {
    const file = await this.prisma.sourceImportFile.update({ where: { id }, data: { status: 'running' } });
    try {
      const page = await extractPageText(file.bytes ?? new Uint8Array());
      const issueDate = file.issueDate ?? batch.issueDate;
      const parsed = parsePage(page.text, { issueDate: issueDate ? isoDate(issueDate) : null, newspaper: batch.newspaper });
      const pageDate = issueDate ?? (parsed.pageDate ? parseIsoDate(parsed.pageDate) : null);
      const articles = parsed.articles.map((article, index) => ({ ...article, headline: article.headline || `${file.name} 第${index + 1}篇（标题待补）` }));
      const result = articles.length
        ? await importArticles(this.prisma, { newspaper: batch.newspaper, issueDate: pageDate, page: file.page, articles }, batch.createdBy ?? undefined, async (tx, ids) => {
          this.searchDictionary ??= new SearchDictionary(this.prisma);
          return indexDocuments(tx, await this.searchDictionary.current(), { source: ids });
        })
        : { created: [], skipped: [] };
      await this.prisma.sourceImportFile.update({
        where: { id },
        data: { status: 'done', bytes: null, ocr: page.ocr, issueDate: pageDate, created: result.created.length, skipped: result.skipped.length, message: parsed.reason },
      });
    } catch (error) {
      const message = error instanceof IntakeFileError ? error.message : `无法导入：${error instanceof Error ? error.message : String(error)}`;
      if (!(error instanceof IntakeFileError)) this.logger.warn(`导入文件 ${file.name} 失败：${message}`);
      await this.prisma.sourceImportFile.update({ where: { id }, data: { status: 'failed', bytes: null, message: message.slice(0, 1000) } });
    }
  }

  private async onFailed(job: Job<ImportBatchJobData> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.logger.error(`导入批次 ${job.data.batchId} 失败：${error.message}`);
    await this.prisma.sourceImportBatch.update({ where: { id: job.data.batchId }, data: { status: 'failed', finishedAt: new Date() } }).catch(() => undefined);
  }
}
