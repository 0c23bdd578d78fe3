import { Injectable } from '@nestjs/common';
import { ISSUE_STATUSES, isOneOf } from '@dsyb/contracts';
import { annualVolumeContentHash, loadAnnualVolumeSnapshot, readStoredAnnualVolumeSnapshot, storeAnnualVolumeSnapshot, storedAnnualVolumeSnapshotOf, type AnnualVolume, type Prisma } from '@dsyb/db';
import { buildAnnualVolumeDocx } from '@dsyb/typeset';
import { wordExport } from '../common/download';
import { isoDate, officeIsoDate, parseIsoDate } from '@dsyb/domain';
import { decide } from '@dsyb/workflow';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import { idsFilter, type ListQuery, type ListSpec } from '../common/list-query';
import type { ReturnDto } from '../common/transition.dto';
import { assertDecision, refusalError, staleVersion } from '../common/workflow-decisions';
import { PrismaService } from '../prisma/prisma.service';
import { workflowHistory } from '../common/workflow-history';
import { compileVolume } from './annual-compilation';
import type { CreateAnnualVolumeDto, UpdateAnnualVolumeDto } from './annual-volume.dto';

export const VOLUME_LIST: ListSpec = {
  sortable: ['year', 'status', 'createdAt', 'updatedAt'],
  defaultSort: ['year', 'desc'],
  filters: { id: 'ids', status: 'string', year: 'number' },
};

export type VolumeTransition = 'submit_review' | 'sign_off' | 'publish' | 'return';

export const volumeLabel = (volume: { year: number }) => `${volume.year}年年度大事记`;

/** The volume's default title: the district of the monthly publication's title (中原区大事月报 → 中原区2020年大事记). */
const defaultTitle = (publicationTitle: string, year: number) => `${publicationTitle.replace(/大事月报$|月报$/, '')}${year}年大事记`;

/** What each transition writes besides the status (as for issues). */
const EFFECTS: Record<VolumeTransition, (user: AuthUser, now: Date) => Prisma.AnnualVolumeUncheckedUpdateManyInput> = {
  submit_review: () => ({}),
  sign_off: (user, now) => ({ signedOffAt: now, signedOffById: user.id }),
  publish: (_user, now) => ({ publishedAt: now }),
  return: () => ({ signedOffAt: null, signedOffById: null }),
};

@Injectable()
export class AnnualVolumesService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService) {}

  async list(query: ListQuery<Partial<{ id: string | string[]; status: string; year: number }>>) {
    const { status, year } = query.filter;
    if (status !== undefined && !isOneOf(ISSUE_STATUSES, status)) throw invalid(`参数 filter 的 status 取值无效：${status}`);
    const where: Prisma.AnnualVolumeWhereInput = { id: idsFilter(query.filter.id), status: status as AnnualVolume['status'] | undefined, year };
    const [rows, total] = await Promise.all([
      this.prisma.annualVolume.findMany({ where, orderBy: { [query.sortField]: query.sortOrder }, skip: query.skip, take: query.take }),
      this.prisma.annualVolume.count({ where }),
    ]);
    return { rows: await Promise.all(rows.map((row) => this.present(row))), total };
  }

  async get(id: string) {
    return this.present(await this.find(id));
  }

  private async find(id: string, client: Prisma.TransactionClient | PrismaService = this.prisma) {
    const volume = await client.annualVolume.findUnique({ where: { id } });
    if (!volume) throw notFound('年度大事记', id);
    return volume;
  }

  /** The volume with its counts: events printed, dropped or merged, and changes waiting upstream. */
  async present(volume: AnnualVolume, client: Prisma.TransactionClient | PrismaService = this.prisma) {
    const { publication: _publication, publicationHash: _hash, ...visible } = volume;
    const counts = await client.annualVolumeEntry.groupBy({ by: ['excluded'], where: { volumeId: volume.id }, _count: { _all: true } });
    const pending = await client.annualVolumeEntry.count({ where: { volumeId: volume.id, pendingChange: { not: null } } });
    const count = (excluded: boolean) => counts.find((row) => row.excluded === excluded)?._count._all ?? 0;
    return {
      ...visible,
      publicationDate: isoDate(volume.publicationDate),
      entryCount: count(false),
      excludedCount: count(true),
      pendingCount: pending,
    };
  }

  /**
   * 编纂: a new volume for a year, compiled from the year's published issues (201). A year with a
   * volume already is a 409 naming it; a year without a published issue is a 409 too, since
   * there is nothing to compile.
   */
  async create(dto: CreateAnnualVolumeDto, user: AuthUser) {
    const masthead = await this.prisma.mastheadSettings.findUnique({ where: { key: 'default' } });
    if (!masthead) throw conflict('尚未设置刊头信息（主办、编辑出版等），请先由管理员设置。');
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.annualVolume.findUnique({ where: { year: dto.year } });
      if (existing) throw conflict(`${dto.year}年的年度大事记已经存在，请打开它重新编纂。`, { id: existing.id });
      const published = await tx.issue.count({ where: { status: 'published', entries: { some: { eventDate: { gte: new Date(Date.UTC(dto.year, 0, 1)), lte: new Date(Date.UTC(dto.year, 11, 31)) } } } } });
      if (published === 0) throw conflict(`${dto.year}年还没有已发布的期刊载有当年的条目，无法编纂年度大事记。`);
      const volume = await tx.annualVolume.create({
        data: {
          year: dto.year,
          title: dto.title?.trim() ?? defaultTitle(masthead.publicationTitle, dto.year),
          compiler: dto.compiler?.trim() ?? masthead.publisher,
          publicationDate: parseIsoDate(dto.publicationDate ?? officeIsoDate(new Date())),
          mastheadId: masthead.id,
        },
      });
      const report = await compileVolume(tx, volume);
      await this.audit.record(tx, { actor: user, action: 'annual_volume.create', entityType: 'annual_volume', entityId: volume.id, after: { year: volume.year, ...report } });
      return { ...(await this.present(await this.find(volume.id, tx), tx)), compilation: report };
    }, { timeout: 60_000 });
  }

  /** 重新编纂: adds what is new upstream and offers what changed (the editor's text is kept). */
  async recompile(id: string, version: number, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const volume = await this.lockForEdit(tx, id, version, user);
      const report = await compileVolume(tx, volume);
      await this.audit.record(tx, { actor: user, action: 'annual_volume.recompile', entityType: 'annual_volume', entityId: id, after: { ...report } });
      return { ...(await this.present(await this.find(id, tx), tx)), compilation: report };
    }, { timeout: 60_000 });
  }

  async update(id: string, dto: UpdateAnnualVolumeDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const before = await this.lockForEdit(tx, id, dto.version, user);
      const after = await tx.annualVolume.update({
        where: { id },
        data: {
          title: dto.title?.trim(),
          compiler: dto.compiler?.trim(),
          publicationDate: dto.publicationDate ? parseIsoDate(dto.publicationDate) : undefined,
          version: { increment: 1 },
        },
      });
      await this.audit.record(tx, {
        actor: user,
        action: 'annual_volume.update',
        entityType: 'annual_volume',
        entityId: id,
        before: { title: before.title, compiler: before.compiler, publicationDate: isoDate(before.publicationDate) },
        after: { title: after.title, compiler: after.compiler, publicationDate: isoDate(after.publicationDate) },
      });
      return this.present(after, tx);
    });
  }

  /** Only a volume never sent to review may be deleted (its renditions are kept with it otherwise). */
  async remove(id: string, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const volume = await this.find(id, tx);
      if (volume.status !== 'drafting') throw conflict(`${volumeLabel(volume)}已送审或发布，不能删除。`);
      if (await tx.rendition.count({ where: { volumeId: id } })) throw conflict(`${volumeLabel(volume)}已有排版文件，不能删除。`);
      await tx.annualVolume.delete({ where: { id } });
      await this.audit.record(tx, { actor: user, action: 'annual_volume.delete', entityType: 'annual_volume', entityId: id, before: { year: volume.year } });
      return { id };
    });
  }

  /**
   * The volume locked for a change of its content: the issue workflow's `edit` rule decides
   * (editors, while drafting or in review; a signed-off volume is locked, a published one frozen).
   */
  async lockForEdit(tx: Prisma.TransactionClient, id: string, version: number | undefined, user: AuthUser) {
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id::text AS id FROM annual_volumes WHERE id = ${id}::uuid FOR UPDATE`;
    if (!locked) throw notFound('年度大事记', id);
    const volume = await this.find(id, tx);
    const decision = decide('issue', 'edit', volume.status, user.roles, { label: volumeLabel(volume) });
    if (!decision.ok) throw refusalError(decision);
    if (version !== undefined && version !== volume.version) throw staleVersion('年度大事记', version, volume.version);
    return volume;
  }

  /**
   * 送审, 签发, 发布, 退回 with the issue's rules: who may, from which state. A volume's events
   * are reviewed with the volume, so they count as approved; a sign-off is refused while a
   * recompilation's changes wait for the editor. Publishing stores what the volume prints, and
   * freezes it (migration 20261212000000_annual_volumes).
   */
  async transition(id: string, action: VolumeTransition, dto: ReturnDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM annual_volumes WHERE id = ${id}::uuid FOR UPDATE`;
      const volume = await this.find(id, tx);
      const included = await tx.annualVolumeEntry.findMany({ where: { volumeId: id, excluded: false }, select: { title: true } });
      const entries = included.map((entry) => ({ title: entry.title, status: 'approved' as const }));
      const decision = decide('issue', action, volume.status, user.roles, { entries, comment: dto.comment, label: volumeLabel(volume) });
      const to = assertDecision(decision, '年度大事记', dto.version, volume.version);
      if (action === 'sign_off' || action === 'submit_review') {
        const pending = await tx.annualVolumeEntry.findMany({ where: { volumeId: id, pendingChange: { not: null } }, select: { title: true }, take: 5 });
        if (pending.length > 0) {
          throw conflict(`${volumeLabel(volume)}还有月报更正未处理（采用或保留），不能${action === 'sign_off' ? '签发' : '送审'}：${pending.map((entry) => `《${entry.title}》`).join('、')}。`);
        }
      }
      const now = new Date();
      const publication = action === 'publish' ? await this.publication(tx, id, now) : {};
      await tx.annualVolume.update({ where: { id }, data: { status: to, version: { increment: 1 }, ...EFFECTS[action](user, now), ...publication } });
      const comment = action === 'return' ? dto.comment?.trim() : undefined;
      await this.audit.record(tx, {
        actor: user,
        action: `annual_volume.${action}`,
        entityType: 'annual_volume',
        entityId: id,
        before: { status: volume.status, version: volume.version },
        after: { status: to, version: volume.version + 1, ...(comment ? { comment } : {}) },
      });
      return this.present(await this.find(id, tx), tx);
    }, { timeout: 60_000 });
  }

  /** What the volume prints at publication, stored with it: its finals print this alone. */
  private async publication(tx: Prisma.TransactionClient, id: string, now: Date) {
    const snapshot = await loadAnnualVolumeSnapshot(tx, id, 'final', now);
    if (!snapshot) throw notFound('年度大事记', id);
    const stored = await storeAnnualVolumeSnapshot(tx, snapshot);
    return { publication: stored as unknown as Prisma.InputJsonValue, publicationHash: annualVolumeContentHash(stored) };
  }

  /**
   * 导出 Word: a published volume exports its publication (figures included), any other what a
   * proof would print now.
   */
  async docx(id: string): Promise<{ content: Buffer; filename: string }> {
    const volume = await this.find(id);
    const published = storedAnnualVolumeSnapshotOf(volume.publication);
    const snapshot = published ? await readStoredAnnualVolumeSnapshot(this.prisma, published) : await loadAnnualVolumeSnapshot(this.prisma, id, 'proof', new Date());
    if (!snapshot) throw notFound('年度大事记', id);
    const content = await wordExport(buildAnnualVolumeDocx(snapshot), volumeLabel(volume));
    return { content, filename: `${volume.title}${published ? '' : '-校样'}.docx` };
  }

  /** The volume's way through review, as the audit trail recorded it. */
  async history(id: string) {
    await this.find(id);
    return workflowHistory(this.prisma, 'annual_volume', id);
  }
}
