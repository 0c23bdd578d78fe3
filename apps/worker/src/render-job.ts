import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { findPublication, loadIssueSnapshot, publicationRendition, readStoredAnnualVolumeSnapshot, readStoredSnapshot, snapshotContentHash, storedAnnualVolumeSnapshotOf, storedSnapshotOf, type PrismaClient, type Rendition } from '@dsyb/db';
import type { AnnualVolumeSnapshot, IssueSnapshot, RenderJobData } from '@dsyb/domain';
import type { RenditionStorage } from '@dsyb/storage';
import { TypesetError } from '@dsyb/typeset';
import { CONTENT_CHANGED, NOT_AS_PUBLISHED } from './render-failure';
import { PRISMA, RENDITION_STORAGE, TYPESETTING_THREADS } from './tokens';
import type { ThreadRendering, TypesettingThreads } from './typesetting-threads';
import { WORKER_CONFIG, type WorkerConfig } from './worker-config';

export interface RenderResult {
  pages: number;
  bytes: number;
}

/**
 * The steps of one render job: claim the rendition, read the snapshot it was requested with,
 * typeset it, store the PDF, record the result. Every step is written to the rendition row,
 * which is the record; the queue's lifecycle (start, re-queue, failure) is RenderProcessor's.
 */
@Injectable()
export class RenderJob {
  private readonly logger = new Logger(RenderJob.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(RENDITION_STORAGE) private readonly storage: RenditionStorage,
    @Inject(TYPESETTING_THREADS) private readonly threads: TypesettingThreads,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async run(job: Job<RenderJobData>): Promise<RenderResult> {
    const { renditionId } = job.data;
    const rendition = await this.prisma.rendition.findUnique({ where: { id: renditionId } });
    if (!rendition) throw new UnrecoverableError(`排版记录 ${renditionId} 不存在`);

    const startedAt = new Date();
    if (!(await this.claim(renditionId, startedAt))) return { pages: rendition.pages ?? 0, bytes: rendition.bytes ?? 0 };
    await this.reportProgress(job, 5);

    const { issueId, volumeId } = rendition;
    // An issue, or an annual volume (年度大事记): the rendition names one of the two.
    const document: { folder: string; render: () => Promise<ThreadRendering> } = issueId !== null
      ? await this.requestedSnapshot({ ...rendition, issueId }).then((snapshot) => ({ folder: `issues/${issueId}`, render: () => this.threads.render(snapshot) }))
      : await this.requestedVolume(rendition).then((snapshot) => ({ folder: `volumes/${volumeId}`, render: () => this.threads.renderAnnualVolume(snapshot) }));
    await this.progress(job, renditionId, 20);

    const rendered = await this.typeset(renditionId, document.render);
    await this.progress(job, renditionId, 80);

    // Same key on every attempt: a retry replaces, atomically, whatever an earlier one left.
    const stored = await this.storage.put(`${document.folder}/${renditionId}.pdf`, rendered.pdf);
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
        warnings: rendered.warnings,
        finishedAt,
        renderMs,
      },
    });
    await job.updateProgress(100);
    this.logger.log(`排版完成 ${renditionId}：${rendered.pages} 页，${renderMs} 毫秒`);
    return { pages: rendered.pages, bytes: stored.bytes };
  }

  /**
   * Only a pending rendition is started, so a second job for it (one whose worker was thought
   * dead) never reopens a finished one. A rendition left running by a worker that died is
   * started again from the beginning.
   */
  private async claim(renditionId: string, startedAt: Date): Promise<boolean> {
    const claimed = await this.prisma.rendition.updateMany({
      where: { id: renditionId, status: { in: ['queued', 'running'] } },
      data: { status: 'running', progress: 5, startedAt, attempts: { increment: 1 } },
    });
    return claimed.count === 1;
  }

  /**
   * The issue as it was when the rendition was requested: the snapshot the API stored on the row
   * (figures read back from snapshot_images), whatever was edited since. A row without one (rows
   * from before migration 20261206020000_rendition_snapshot) is rendered from the live tables only if they still
   * hash to the `contentHash` recorded at the request; otherwise the rendition fails at once
   * rather than print something nobody asked for, and asking again renders the present content.
   *
   * A final of a published revision prints that revision's publication and nothing else
   * (libs/db issue-publication.ts): one requested from other content (while the issue was signed
   * off, before it was published with a section renamed) fails rather than print what was not published.
   */
  private async requestedSnapshot(rendition: Rendition & { issueId: string }): Promise<IssueSnapshot> {
    const publication = rendition.kind === 'final' ? await findPublication(this.prisma, rendition.issueId, rendition.issueRevision) : undefined;
    if (publication) {
      if (publication.contentHash !== rendition.contentHash) throw new UnrecoverableError(NOT_AS_PUBLISHED);
      return readStoredSnapshot(this.prisma, publicationRendition(publication, 'final', rendition.createdAt).snapshot);
    }
    const stored = storedSnapshotOf(rendition.snapshot);
    if (stored) return readStoredSnapshot(this.prisma, stored);
    const snapshot = await loadIssueSnapshot(this.prisma, rendition.issueId, rendition.kind, rendition.createdAt);
    if (!snapshot) throw new UnrecoverableError(`期刊 ${rendition.issueId} 不存在`);
    if (snapshotContentHash(snapshot) !== rendition.contentHash) throw new UnrecoverableError(CONTENT_CHANGED);
    return snapshot;
  }

  /**
   * The volume as it was when the rendition was requested: the snapshot the API stored on the row
   * (a published volume's publication, for its finals), figures read back from snapshot_images.
   */
  private async requestedVolume(rendition: Rendition): Promise<AnnualVolumeSnapshot> {
    const stored = storedAnnualVolumeSnapshotOf(rendition.snapshot);
    if (!stored) throw new UnrecoverableError(`排版记录 ${rendition.id} 没有保存年度大事记的内容`);
    return readStoredAnnualVolumeSnapshot(this.prisma, stored);
  }

  private async typeset(renditionId: string, render: () => Promise<ThreadRendering>): Promise<ThreadRendering> {
    let rendered: ThreadRendering;
    try {
      rendered = await render();
    } catch (error) {
      // Bad content will not typeset better next time: fail at once, with the message naming the entry.
      if (error instanceof TypesetError) throw new UnrecoverableError(error.message);
      throw error;
    }
    for (const warning of rendered.warnings) this.logger.warn(`排版警告（${renditionId}）：${warning}`);
    return rendered;
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
