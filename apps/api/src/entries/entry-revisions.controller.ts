import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { isoDate } from '@dsyb/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { notFound } from '../common/domain-errors';
import { IdParam } from '../common/validation';
import { EntriesService } from './entries.service';
import { PrismaService } from '../prisma/prisma.service';

export class RestoreRevisionDto {
  /** The saved version to bring back. */
  @IsInt() @Min(1) revision!: number;
  /** The entry version the client read; a stale restore is refused with 409 like any save. */
  @IsInt() @Min(1) version!: number;
}

/** Every saved version of an entry (who, when, what), and restoring one as a new version. */
@ApiTags('entries')
@ApiBearerAuth()
@Controller('entries/:id/revisions')
export class EntryRevisionsController {
  constructor(private readonly prisma: PrismaService, private readonly entries: EntriesService) {}

  @Get()
  async list(@Param('id', IdParam) entryId: string) {
    const entry = await this.prisma.entry.findUnique({ where: { id: entryId }, select: { id: true } });
    if (!entry) throw notFound('条目', entryId);
    const revisions = await this.prisma.entryRevision.findMany({
      where: { entryId },
      orderBy: { version: 'desc' },
      include: { author: { select: { displayName: true, username: true } } },
    });
    return revisions.map(({ author, ...revision }) => ({
      ...revision,
      eventDate: isoDate(revision.eventDate),
      authorName: author?.displayName ?? null,
    }));
  }

  @Roles('admin', 'editor')
  @Post('restore')
  async restore(@Param('id', IdParam) entryId: string, @Body() dto: RestoreRevisionDto, @CurrentUser() user: AuthUser) {
    const revision = await this.prisma.entryRevision.findUnique({ where: { entryId_version: { entryId, version: dto.revision } } });
    if (!revision) throw notFound('条目历史版本', `${entryId} 第 ${dto.revision} 版`);
    return this.entries.update(
      entryId,
      {
        version: dto.version,
        title: revision.title,
        bodyHtml: revision.bodyHtml,
        sectionId: revision.sectionId,
        eventDate: isoDate(revision.eventDate),
        eventDatePrecision: revision.eventDatePrecision,
      },
      user,
    );
  }
}
