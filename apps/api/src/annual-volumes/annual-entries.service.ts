import { Injectable } from '@nestjs/common';
import { chronicleOrder, type AnnualVolumeEntry, type Prisma } from '@dsyb/db';
import { isoDate, parseIsoDate } from '@dsyb/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { conflict, invalid, notFound } from '../common/domain-errors';
import type { ListQuery, ListSpec } from '../common/list-query';
import { staleVersion } from '../common/workflow-decisions';
import { normaliseBody } from '../entries/entry-body';
import { PrismaService } from '../prisma/prisma.service';
import { upstreamDecision } from './annual-compilation';
import type { CreateAnnualEntryDto, MergeAnnualEntriesDto, UpdateAnnualEntryDto, UpstreamDecisionDto } from './annual-volume.dto';
import { AnnualVolumesService, volumeLabel } from './annual-volumes.service';

export const ANNUAL_ENTRY_LIST: ListSpec = {
  sortable: ['eventDate'],
  defaultSort: ['eventDate', 'asc'],
  filters: { id: 'ids', volumeId: 'ids', excluded: 'boolean', pending: 'boolean', month: 'number', q: 'string' },
};

interface AnnualEntryFilter { id: string | string[]; volumeId: string | string[]; excluded: boolean; pending: boolean; month: number; q: string }

const dateOnly = (date: Date | null) => (date ? isoDate(date) : null);

/** An event as the API shows it: dates as ISO dates, the monthly entry it came from, the change waiting upstream. */
function presentEntry(row: AnnualVolumeEntry & { sourceEntry?: { issue: { id: string; serialNumber: number } | null } | null }) {
  const { upstreamTitle: _t, upstreamBodyHtml: _b, upstreamEventDate: _d, upstreamEventDatePrecision: _p, pendingTitle, pendingBodyHtml, pendingBodyText, pendingEventDate, pendingEventDatePrecision, sourceEntry, ...visible } = row;
  return {
    ...visible,
    month: row.eventDate.getUTCMonth() + 1,
    eventDate: isoDate(row.eventDate),
    sourceIssue: sourceEntry?.issue ?? null,
    pending: row.pendingChange === null ? null : {
      change: row.pendingChange,
      title: pendingTitle,
      bodyHtml: pendingBodyHtml,
      bodyText: pendingBodyText,
      eventDate: dateOnly(pendingEventDate),
      eventDatePrecision: pendingEventDatePrecision,
    },
  };
}

const WITH_SOURCE = { sourceEntry: { select: { issue: { select: { id: true, serialNumber: true } } } } } as const;

/**
 * The events of an annual volume, edited on their own: shortened, merged, dropped, added; and
 * the editor's answer to what a recompilation found upstream (take or keep).
 */
@Injectable()
export class AnnualEntriesService {
  constructor(private readonly prisma: PrismaService, private readonly audit: AuditService, private readonly volumes: AnnualVolumesService) {}

  /** In chronicle order (by date, month-only events at their month's end). */
  async list(query: ListQuery<Partial<AnnualEntryFilter>>) {
    const { volumeId, id, excluded, pending, month, q } = query.filter;
    const where: Prisma.AnnualVolumeEntryWhereInput = {
      volumeId: volumeId === undefined ? undefined : { in: [volumeId].flat() },
      id: id === undefined ? undefined : { in: [id].flat() },
      excluded,
      pendingChange: pending === undefined ? undefined : pending ? { not: null } : null,
      ...(q ? { OR: [{ title: { contains: q, mode: 'insensitive' } }, { bodyText: { contains: q, mode: 'insensitive' } }] } : {}),
    };
    const rows = (await this.prisma.annualVolumeEntry.findMany({ where, include: WITH_SOURCE })).filter((row) => month === undefined || row.eventDate.getUTCMonth() + 1 === month);
    rows.sort(chronicleOrder);
    if (query.sortOrder === 'desc') rows.reverse();
    return { rows: rows.slice(query.skip, query.skip + query.take).map(presentEntry), total: rows.length };
  }

  async get(id: string) {
    const row = await this.prisma.annualVolumeEntry.findUnique({ where: { id }, include: WITH_SOURCE });
    if (!row) throw notFound('大事记条目', id);
    return presentEntry(row);
  }

  /** An event no issue carried, written by the editor. */
  async create(dto: CreateAnnualEntryDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const volume = await this.volumes.lockForEdit(tx, dto.volumeId, undefined, user);
      const eventDate = this.inYear(dto.eventDate, volume.year);
      const body = normaliseBody(dto) ?? { bodyHtml: '', bodyText: '' };
      const last = await tx.annualVolumeEntry.aggregate({ where: { volumeId: volume.id }, _max: { position: true } });
      const row = await tx.annualVolumeEntry.create({
        data: { volumeId: volume.id, title: dto.title.trim(), ...body, eventDate, eventDatePrecision: dto.eventDatePrecision ?? 'day', position: (last._max.position ?? 0) + 1, edited: true },
        include: WITH_SOURCE,
      });
      await this.record(tx, user, 'create', row.id, { title: row.title, eventDate: dto.eventDate });
      return presentEntry(row);
    });
  }

  async update(id: string, dto: UpdateAnnualEntryDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const before = await this.lockEntry(tx, id, dto.version, user);
      const body = normaliseBody(dto);
      const eventDate = dto.eventDate ? this.inYear(dto.eventDate, (await tx.annualVolume.findUniqueOrThrow({ where: { id: before.volumeId } })).year) : undefined;
      const row = await tx.annualVolumeEntry.update({
        where: { id },
        data: {
          title: dto.title?.trim(),
          ...body,
          eventDate,
          eventDatePrecision: dto.eventDatePrecision,
          ...(dto.excluded === false ? { excluded: false, mergedIntoId: null } : {}),
          edited: dto.title !== undefined || body !== undefined || eventDate !== undefined || dto.eventDatePrecision !== undefined ? true : undefined,
          version: { increment: 1 },
        },
        include: WITH_SOURCE,
      });
      await this.record(tx, user, dto.excluded === false ? 'restore' : 'update', id, { title: row.title }, { title: before.title, version: before.version });
      return presentEntry(row);
    });
  }

  /**
   * 删除: an event from a monthly issue is dropped from the volume (kept, so that recompiling
   * does not bring it back, and restorable); one the editor added is deleted.
   */
  async remove(id: string, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const row = await this.lockEntry(tx, id, undefined, user);
      const merged = await tx.annualVolumeEntry.count({ where: { mergedIntoId: id } });
      if (merged > 0) throw conflict(`条目《${row.title}》由 ${merged} 个条目合并而成，删除前请先恢复并入的条目，或改为编辑它的文字。`);
      if (row.sourceEntryId === null) await tx.annualVolumeEntry.delete({ where: { id } });
      else await tx.annualVolumeEntry.update({ where: { id }, data: { excluded: true, version: { increment: 1 } } });
      await this.record(tx, user, 'delete', id, { dropped: row.sourceEntryId !== null }, { title: row.title });
      return { id };
    });
  }

  /** 合并: the first event takes the others' text (or the wording given), the others leave the volume. */
  async merge(volumeId: string, dto: MergeAnnualEntriesDto, user: AuthUser) {
    if (new Set(dto.entryIds).size !== dto.entryIds.length) throw invalid('要合并的条目有重复。');
    return this.prisma.$transaction(async (tx) => {
      await this.volumes.lockForEdit(tx, volumeId, undefined, user);
      const rows = await tx.annualVolumeEntry.findMany({ where: { id: { in: dto.entryIds }, volumeId } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const missing = dto.entryIds.filter((id) => !byId.has(id));
      if (missing.length) throw notFound('大事记条目', missing.join('、'));
      const [first, ...others] = dto.entryIds.map((id) => byId.get(id)!);
      const dropped = [first, ...others].filter((row) => row.excluded);
      if (dropped.length) throw conflict(`已删除或已合并的条目不能再合并：${dropped.map((row) => `《${row.title}》`).join('、')}。`);
      const body = normaliseBody({ bodyHtml: dto.bodyHtml ?? [first, ...others].map((row) => row.bodyHtml).join('') })!;
      const merged = await tx.annualVolumeEntry.update({
        where: { id: first.id },
        data: { title: dto.title?.trim() ?? first.title, ...body, edited: true, version: { increment: 1 } },
        include: WITH_SOURCE,
      });
      await tx.annualVolumeEntry.updateMany({ where: { id: { in: others.map((row) => row.id) } }, data: { excluded: true, mergedIntoId: first.id, version: { increment: 1 } } });
      await this.record(tx, user, 'merge', first.id, { title: merged.title, merged: others.map((row) => row.id) });
      return presentEntry(merged);
    });
  }

  /** 采用 or 保留 what a recompilation found upstream for this event. */
  async decideUpstream(id: string, dto: UpstreamDecisionDto, user: AuthUser) {
    return this.prisma.$transaction(async (tx) => {
      const row = await this.lockEntry(tx, id, dto.version, user);
      if (row.pendingChange === null) throw conflict(`条目《${row.title}》没有待处理的月报更正。`);
      const updated = await tx.annualVolumeEntry.update({ where: { id }, data: { ...upstreamDecision(row, dto.decision), version: { increment: 1 } }, include: WITH_SOURCE });
      await this.record(tx, user, `upstream_${dto.decision}`, id, { title: updated.title, change: row.pendingChange }, { title: row.title });
      return presentEntry(updated);
    });
  }

  /** The event, its volume locked for editing (the volume's state and the user's role decide). */
  private async lockEntry(tx: Prisma.TransactionClient, id: string, version: number | undefined, user: AuthUser) {
    const found = await tx.annualVolumeEntry.findUnique({ where: { id }, select: { volumeId: true } });
    if (!found) throw notFound('大事记条目', id);
    await this.volumes.lockForEdit(tx, found.volumeId, undefined, user);
    const row = await tx.annualVolumeEntry.findUniqueOrThrow({ where: { id } });
    if (version !== undefined && version !== row.version) throw staleVersion('大事记条目', version, row.version);
    return row;
  }

  /** An event of the volume happened in its year. */
  private inYear(date: string, year: number): Date {
    const parsed = parseIsoDate(date);
    if (parsed.getUTCFullYear() !== year) throw invalid(`事件日期 ${date} 不在${volumeLabel({ year })}的年份内。`);
    return parsed;
  }

  private record(tx: Prisma.TransactionClient, user: AuthUser, action: string, id: string, after: Record<string, unknown>, before?: Record<string, unknown>) {
    return this.audit.record(tx, { actor: user, action: `annual_entry.${action}`, entityType: 'annual_volume_entry', entityId: id, after, ...(before ? { before } : {}) });
  }
}
