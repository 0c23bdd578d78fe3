import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { isOneOf, RENDITION_KINDS, RENDITION_STATUSES } from '@dsyb/contracts';
import { annualVolumeContentHash, currentPublication, loadAnnualVolumeSnapshot, loadIssueSnapshot, storeAnnualVolumeSnapshot, storedAnnualVolumeSnapshotOf, type StoredAnnualVolumeSnapshot, publicationRendition, snapshotContentHash, snapshotJson, storeIssueSnapshot, type Issue, type Prisma, type StoredIssueSnapshot } from '@dsyb/db';
import { enqueueRender, RENDER_QUEUE, type RenderJobData, type RenditionKind } from '@dsyb/domain';
import type { RenditionStorage } from '@dsyb/storage';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { queueCall } from '../common/queue-timeout';
import { idsFilter, ListQuery, ListSpec } from '../common/list-query';
import { PrismaService } from '../prisma/prisma.service';
import { presentRendition } from './rendition.presenter';

export const RENDITION_STORAGE = Symbol('RENDITION_STORAGE');

export const RENDITION_LIST: ListSpec = {
  sortable: ['createdAt', 'finishedAt', 'status', 'kind'],
  defaultSort: ['createdAt', 'desc'],
  filters: { id: 'ids', issueId: 'ids', volumeId: 'ids', status: 'string', kind: 'string' },
};

/** The snapshot is the worker's to read: large, and never part of an answer. */
const OMIT_SNAPSHOT = { snapshot: true } as const;

/** What a request renders: its content hash, and the snapshot to store on the row (read once it is needed). */
interface RequestedContent {
  contentHash: string;
  snapshot: () => Promise<StoredIssueSnapshot | StoredAnnualVolumeSnapshot>;
}

/** The issue or volume a rendition is of. */
const owner = (document: { issueId: string } | { volumeId: string }) => ('issueId' in document ? { issueId: document.issueId } : { volumeId: document.volumeId });

interface RenditionFilter { id: string | string[]; issueId: string | string[]; volumeId: string | string[]; status: string; kind: string }

@Injectable()
export class RenditionsService {
  private readonly logger = new Logger(RenditionsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    @InjectQueue(RENDER_QUEUE) private readonly queue: Queue<RenderJobData>,
    @Inject(RENDITION_STORAGE) private readonly storage: RenditionStorage,
  ) {}

  /**
   * One rendition per issue content and kind: asking again for unchanged content returns the
   * rendition already made or under way. The row is written, in one transaction with the
   * snapshot the worker prints (what the editor asked for, whatever is edited before the job
   * runs), before the job is queued, so a lost Redis never loses a request: with Redis away the
   * answer is a 503 within seconds saying the request is kept, and the worker queues the pending
   * row once Redis is back (it looks for such rows every half minute).
   *
   * A published issue prints its publication (libs/db issue-publication.ts), never the live
   * tables: asking for its final again answers the final already made for its current revision,
   * whatever was renamed since, as asking again for unchanged content always did. A new final
   * comes only with a correction, which stores a new revision's publication.
   */
  async request(issueId: string, kind: RenditionKind, user: AuthUser) {
    const issue = await this.prisma.issue.findUnique({ where: { id: issueId } });
    if (!issue) throw notFound('期刊', issueId);
    if (kind === 'final' && issue.status !== 'approved' && issue.status !== 'published') {
      throw conflict(`总第${issue.serialNumber}期尚未签发，只能生成校样，不能生成正式版。`);
    }
    const content = issue.status === 'published' ? await this.published(issue, kind) : await this.live(issue, kind);
    return this.requestContent({ issueId, issueRevision: issue.revision }, kind, content, user);
  }

  /**
   * A rendition of an annual volume (年度大事记), asked for as an issue's: one per content and kind;
   * a final only once the volume is signed off, and a published volume prints its publication.
   */
  async requestVolume(volumeId: string, kind: RenditionKind, user: AuthUser) {
    const volume = await this.prisma.annualVolume.findUnique({ where: { id: volumeId } });
    if (!volume) throw notFound('年度大事记', volumeId);
    const label = `${volume.year}年年度大事记`;
    if (kind === 'final' && volume.status !== 'approved' && volume.status !== 'published') throw conflict(`${label}尚未签发，只能生成校样，不能生成正式版。`);
    let stored: StoredAnnualVolumeSnapshot | undefined = storedAnnualVolumeSnapshotOf(volume.publication);
    if (stored) stored = { ...stored, kind, renderedAt: new Date().toISOString() };
    else {
      const snapshot = await loadAnnualVolumeSnapshot(this.prisma, volumeId, kind, new Date());
      if (!snapshot) throw notFound('年度大事记', volumeId);
      stored = await storeAnnualVolumeSnapshot(this.prisma, snapshot);
    }
    if (stored.months.length === 0) throw conflict(`${label}还没有条目，无法排版。`);
    const snapshot = stored;
    return this.requestContent({ volumeId, issueRevision: 1 }, kind, { contentHash: annualVolumeContentHash(snapshot), snapshot: () => Promise.resolve(snapshot) }, user);
  }

  /**
   * One rendition per document content and kind: asking again for unchanged content returns the
   * rendition already made or under way.
   */
  private async requestContent(
    document: { issueId: string; issueRevision: number } | { volumeId: string; issueRevision: number },
    kind: RenditionKind,
    content: RequestedContent,
    user: AuthUser,
  ) {
    const { contentHash } = content;
    const existing = await this.prisma.rendition.findFirst({ where: { ...owner(document), kind, contentHash }, omit: OMIT_SNAPSHOT });
    if (existing && existing.status !== 'failed') return { rendition: presentRendition(existing), created: false };

    const requested = snapshotJson(await content.snapshot());
    const rendition = await this.prisma.$transaction(async (tx) => {
      const row = existing
        ? await tx.rendition.update({ where: { id: existing.id }, data: { status: 'queued', progress: 0, error: null, requestedById: user.id, snapshot: requested }, omit: OMIT_SNAPSHOT })
        : await tx.rendition.create({ data: { ...document, kind, contentHash, requestedById: user.id, snapshot: requested }, omit: OMIT_SNAPSHOT });
      await this.audit.record(tx, { actor: user, action: 'rendition.request', entityType: 'rendition', entityId: row.id, after: { ...owner(document), kind } });
      return row;
    });
    const presented = presentRendition(rendition);
    await queueCall(() => enqueueRender(this.queue, rendition.id), {
      recorded: '排版请求已记录（排队中），任务队列恢复后将自动开始排版，无需重新提交。',
      details: { rendition: presented },
    });
    return { rendition: presented, created: true };
  }

  /** An issue not yet published, read from the live tables. */
  private async live(issue: Issue, kind: RenditionKind): Promise<RequestedContent> {
    const snapshot = await loadIssueSnapshot(this.prisma, issue.id, kind, new Date());
    if (!snapshot || snapshot.sections.length === 0) throw conflict(`总第${issue.serialNumber}期还没有条目，无法排版。`);
    return {
      contentHash: snapshotContentHash(snapshot),
      // The figures are stored first, outside the row's transaction, which stays short however many
      // photos the issue has: they are named by their content, so one stored twice, or for a request
      // that then fails, does no harm.
      snapshot: () => storeIssueSnapshot(this.prisma, snapshot),
    };
  }

  /** A published issue, read from the publication of its current revision; its figures are stored already. */
  private async published(issue: Issue, kind: RenditionKind): Promise<RequestedContent> {
    const publication = await currentPublication(this.prisma, issue);
    if (publication.snapshot.sections.length === 0) throw conflict(`总第${issue.serialNumber}期还没有条目，无法排版。`);
    const { snapshot, contentHash } = publicationRendition(publication, kind, new Date());
    return { contentHash, snapshot: () => Promise.resolve(snapshot) };
  }

  async list(query: ListQuery<Partial<RenditionFilter>>) {
    const { status, kind } = query.filter;
    if (status !== undefined && !isOneOf(RENDITION_STATUSES, status)) throw invalid(`参数 filter 的 status 取值无效：${status}`);
    if (kind !== undefined && !isOneOf(RENDITION_KINDS, kind)) throw invalid(`参数 filter 的 kind 取值无效：${kind}`);
    const where: Prisma.RenditionWhereInput = {
      id: idsFilter(query.filter.id),
      issueId: idsFilter(query.filter.issueId),
      volumeId: idsFilter(query.filter.volumeId),
      status: status as Prisma.RenditionWhereInput['status'],
      kind: kind as Prisma.RenditionWhereInput['kind'],
    };
    const [rows, total] = await Promise.all([
      this.prisma.rendition.findMany({ where, orderBy: { [query.sortField]: query.sortOrder }, skip: query.skip, take: query.take, omit: OMIT_SNAPSHOT }),
      this.prisma.rendition.count({ where }),
    ]);
    return { rows: rows.map(presentRendition), total };
  }

  async get(id: string) {
    const rendition = await this.prisma.rendition.findUnique({ where: { id }, omit: OMIT_SNAPSHOT });
    if (!rendition) throw notFound('排版文件', id);
    return presentRendition(rendition);
  }

  async file(id: string): Promise<{ content: Buffer; filename: string }> {
    const rendition = await this.prisma.rendition.findUnique({ where: { id }, include: { issue: true, volume: { select: { title: true } } }, omit: OMIT_SNAPSHOT });
    if (!rendition) throw notFound('排版文件', id);
    if (rendition.status !== 'done' || !rendition.storageKey) throw conflict('该排版文件尚未生成完成。');
    const storageKey = rendition.storageKey;
    const content = await this.storage.get(storageKey).catch((error: unknown) => {
      // A file lost from the storage (deleted by hand, wrong bucket) is the server's record
      // disagreeing with the store: say so rather than answer 500. Where it was looked for (the
      // key, the storage's own path) is for the log, not for the client.
      this.logger.warn(`排版文件 ${id} 的 PDF 读取失败（${storageKey}）：${error instanceof Error ? error.message : String(error)}`);
      throw conflict('排版文件的 PDF 在存储中找不到，请重新生成。');
    });
    const label = rendition.kind === 'proof' ? '校样' : '正式版';
    // After a correction (勘误) the revisions' files differ, and so do their names.
    const revision = rendition.issueRevision > 1 ? `-第${rendition.issueRevision}版` : '';
    const document = rendition.issue ? `${rendition.issue.title}-总第${rendition.issue.serialNumber}期` : rendition.volume!.title;
    return { content, filename: `${document}-${label}${revision}.pdf` };
  }
}
